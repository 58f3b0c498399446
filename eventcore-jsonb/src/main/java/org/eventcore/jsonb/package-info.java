/**
 * Event payloads as JSON through Jakarta JSON Binding: {@link org.eventcore.jsonb.JsonbEventSerializer},
 * the default format of EventCore's stores. The JSON-B API is a provided dependency: it costs nothing
 * in a Jakarta EE server, and in Java SE it must be added with an implementation such as Yasson.
 *
 * <p>Nullness: no method accepts or returns {@code null}.
 */
package org.eventcore.jsonb;
