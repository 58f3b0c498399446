package org.eventcore.sample.it.health;

/** The event of {@link WarReadinessIT}'s application: nothing is written, the projection only waits. */
public record Tallied(int amount) {}
