/**
 * Traces and metrics of command executions through the OpenTelemetry API ({@link
 * org.eventcore.opentelemetry.EventCoreTelemetry}), and the W3C trace context EventCore stores in
 * events ({@link org.eventcore.opentelemetry.TraceParent}).
 */
package org.eventcore.opentelemetry;
