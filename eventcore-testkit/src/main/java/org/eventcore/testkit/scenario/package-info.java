/**
 * Given/when/then tests for commands: {@link org.eventcore.testkit.scenario.CommandScenario} sets up
 * history in a fresh in-memory store, runs one command through the real executor, and
 * {@link org.eventcore.testkit.scenario.ScenarioOutcome} asserts what it emitted or why it was
 * rejected.
 */
package org.eventcore.testkit.scenario;
