package org.eventcore.testkit.dcb;

import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.testkit.chaos.ChaosEventStore;
import org.eventcore.testkit.chaos.ChaosSettings;

/**
 * The scenarios through a store that fails reads and appends, injects conflicts and reports stored appends as
 * of unknown outcome, a few percent of each: the executor's retries (by command id after an unknown outcome)
 * keep every rule and every count of the races exact.
 */
class ChaosTagScenariosTest extends TagScenariosContract<ChaosEventStore> {
    @Override
    protected ChaosEventStore newStore() {
        return ChaosEventStore.wrap(
                InMemoryEventStore.create(),
                ChaosSettings.NONE
                        .withSeed(23)
                        .withReadFailureRate(0.03)
                        .withAppendFailureRate(0.03)
                        .withConflictRate(0.03)
                        .withUnknownOutcomeRate(0.03));
    }
}
