package org.eventcore.jpa.contract;

import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.ResourceLocalJpa;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.testkit.contract.CheckpointStoreContract;

class H2HibernateCheckpointStoreIT extends CheckpointStoreContract<JpaCheckpointStore> {
    @Override
    protected JpaCheckpointStore newCheckpointStore() {
        return JpaCheckpointStore.create(
                ResourceLocalJpa.create(TestDatabases.h2Factory(getClass().getName())));
    }
}
