package org.eventcore.testkit.contract;

import org.eventcore.inmemory.InMemorySnapshotStore;

class InMemorySnapshotStoreTest extends SnapshotStoreContract<InMemorySnapshotStore> {
    @Override
    protected InMemorySnapshotStore newSnapshotStore() {
        return InMemorySnapshotStore.create();
    }
}
