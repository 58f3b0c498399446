package org.eventcore.jpa.contract;

import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.testkit.contract.TagContract;

class PostgresEclipseLinkTagIT extends TagContract<JpaEventStore> {
    @Override
    protected JpaEventStore newStore() {
        return TestDatabases.postgresStore("eventcore-eclipselink");
    }
}
