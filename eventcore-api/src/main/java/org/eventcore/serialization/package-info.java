/**
 * How event payloads are stored: stable type names and revisions ({@link
 * org.eventcore.serialization.EventType}, {@link org.eventcore.serialization.EventTypeRegistry})
 * and the {@link org.eventcore.serialization.EventSerializer} SPI that turns payloads into bytes and
 * back. Payloads are bytes so that formats can plug in and reads are byte-exact; JSON-B is the
 * default format ({@code JsonbEventSerializer} of the {@code eventcore-jsonb} module). No Java class
 * name is ever stored, and nothing is loaded by a name read from storage.
 *
 * <p>Nullness: no method accepts or returns {@code null}.
 */
package org.eventcore.serialization;
