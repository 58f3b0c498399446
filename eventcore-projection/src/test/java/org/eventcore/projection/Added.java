package org.eventcore.projection;

/** The test event: {@code amount} added to {@code key}. */
record Added(String key, int amount) {}
