/**
 * The event store contract as executable suites, one abstract JUnit 5 class per capability:
 * {@link org.eventcore.testkit.contract.AppendAndReadContract},
 * {@link org.eventcore.testkit.contract.OptimisticConcurrencyContract},
 * {@link org.eventcore.testkit.contract.MultiStreamAtomicityContract},
 * {@link org.eventcore.testkit.contract.CommandLogContract},
 * {@link org.eventcore.testkit.contract.CheckpointStoreContract} and
 * {@link org.eventcore.testkit.contract.GlobalLogContract}. An adapter's test extends a suite and
 * returns an empty store from {@code newStore()}; a store that lacks a capability does not extend
 * that suite. The suites use no assumptions: every test runs.
 *
 * <p>Stores that serialize payloads must register {@link org.eventcore.testkit.contract.ContractEvent}.
 */
package org.eventcore.testkit.contract;
