package org.eventcore.bench;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenTelemetry SDK as a server installs one: every span sampled and batched, metrics aggregated and
 * read every 10 s, both exported to exporters that count and drop (the network is not what is measured).
 */
public final class TelemetrySdk {

    /** Spans exported so far, to show that the SDK did its work. */
    public static final AtomicLong SPANS = new AtomicLong();

    private TelemetrySdk() {}

    /** A new SDK as described above. */
    public static OpenTelemetrySdk create() {
        return create(1.0);
    }

    /**
     * A new SDK as described above that samples the share {@code traceRatio} of new traces (the SDK's
     * {@code parentbased_traceidratio}; 1 samples every trace, as the SDK's default does).
     */
    public static OpenTelemetrySdk create(double traceRatio) {
        SpanExporter spans = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> batch) {
                SPANS.addAndGet(batch.size());
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        MetricExporter metrics = new MetricExporter() {
            @Override
            public CompletableResultCode export(Collection<MetricData> data) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public AggregationTemporality getAggregationTemporality(InstrumentType type) {
                return AggregationTemporality.CUMULATIVE;
            }
        };
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .setSampler(
                                traceRatio >= 1.0
                                        ? Sampler.parentBased(Sampler.alwaysOn())
                                        : Sampler.parentBased(Sampler.traceIdRatioBased(traceRatio)))
                        .addSpanProcessor(BatchSpanProcessor.builder(spans).build())
                        .build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.builder(metrics)
                                .setInterval(Duration.ofSeconds(10))
                                .build())
                        .build())
                .build();
    }
}
