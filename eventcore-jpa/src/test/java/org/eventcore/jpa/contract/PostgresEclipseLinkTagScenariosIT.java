package org.eventcore.jpa.contract;

import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.testkit.dcb.DcbEvent;
import org.eventcore.testkit.dcb.TagScenariosContract;

class PostgresEclipseLinkTagScenariosIT extends TagScenariosContract<JpaEventStore> {
    @Override
    protected JpaEventStore newStore() {
        return TestDatabases.postgresStore(
                "eventcore-eclipselink", JsonbEventSerializer.create(DcbEvent.registry(false)));
    }
}
