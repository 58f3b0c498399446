package org.eventcore.jpa.contract;

import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.testkit.contract.TagContract;

class PostgresHibernateTagIT extends TagContract<JpaEventStore> {
    @Override
    protected JpaEventStore newStore() {
        return TestDatabases.postgresStore("eventcore-hibernate");
    }
}
