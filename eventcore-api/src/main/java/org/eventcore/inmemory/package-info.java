/**
 * The in-memory event store, {@link org.eventcore.inmemory.InMemoryEventStore}: the embedded default
 * for tests and demos. It keeps the whole store contract, so code tested against it behaves the same
 * against the JPA store.
 */
package org.eventcore.inmemory;
