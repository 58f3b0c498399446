/**
 * The event store in memory, {@link org.eventcore.inmemory.InMemoryEventStore}: the embedded default
 * for tests, demos and Java SE tools. It keeps the whole store contract (the test kit's suites run
 * against it), so code tested against it behaves the same against the JPA store. It holds every
 * event in memory for as long as it lives; it is not a cache and not for production data.
 *
 * <p>Nullness: no method accepts or returns {@code null}.
 */
package org.eventcore.inmemory;
