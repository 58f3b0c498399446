package org.eventcore.jpa.contract;

import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.testkit.contract.GlobalLogContract;

class H2HibernateGlobalLogIT extends GlobalLogContract<JpaEventStore> {
    @Override
    protected JpaEventStore newStore() {
        return TestDatabases.h2Store(getClass().getName());
    }
}
