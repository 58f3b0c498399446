/**
 * Fault injection for tests: {@link org.eventcore.testkit.chaos.ChaosEventStore} wraps any store and
 * injects transient failures, conflicts, latency and unknown commit outcomes from a seeded random
 * source, configured by {@link org.eventcore.testkit.chaos.ChaosSettings}.
 */
package org.eventcore.testkit.chaos;
