package org.eventcore.jpa.contract;

import org.eventcore.jpa.JpaSnapshotStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.ResourceLocalJpa;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.testkit.contract.SnapshotStoreContract;

class PostgresHibernateSnapshotStoreIT extends SnapshotStoreContract<JpaSnapshotStore> {
    @Override
    protected JpaSnapshotStore newSnapshotStore() {
        return JpaSnapshotStore.create(
                ResourceLocalJpa.create(TestDatabases.postgres("eventcore-hibernate")), JpaStoreSettings.DEFAULT);
    }
}
