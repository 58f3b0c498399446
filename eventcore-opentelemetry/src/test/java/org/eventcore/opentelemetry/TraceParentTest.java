package org.eventcore.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraceParentTest {

    private static final String VALID = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void a_valid_traceparent_reads_back_as_the_remote_context_it_names() {
        assertThat(TraceParent.parse(VALID)).hasValueSatisfying(c -> {
            assertThat(c.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(c.getSpanId()).isEqualTo("b7ad6b7169203331");
            assertThat(c.isSampled()).isTrue();
            assertThat(c.isRemote()).isTrue();
            assertThat(TraceParent.of(c)).contains(VALID);
        });
    }

    @Test
    void anything_else_is_no_trace_context() {
        for (String hostile : new String[] {
            null,
            "",
            VALID.toUpperCase(java.util.Locale.ROOT),
            VALID + "-extra",
            VALID + " ",
            "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333g-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1",
            "00-0af7651916cd43dd8448eb211c8031\n9c-b7ad6b7169203331-01",
            "<script>alert(1)</script>-b7ad6b7169203331-01-0af7651916cd43dd8448eb211c80319c"
        }) {
            assertThat(TraceParent.parse(hostile)).as(String.valueOf(hostile)).isEmpty();
        }
        assertThat(TraceParent.of(SpanContext.getInvalid())).isEmpty();
    }
}
