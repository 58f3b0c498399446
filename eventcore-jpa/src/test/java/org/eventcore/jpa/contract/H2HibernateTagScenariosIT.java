package org.eventcore.jpa.contract;

import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.testkit.dcb.DcbEvent;
import org.eventcore.testkit.dcb.TagScenariosContract;

class H2HibernateTagScenariosIT extends TagScenariosContract<JpaEventStore> {
    @Override
    protected JpaEventStore newStore() {
        return TestDatabases.h2Store(getClass().getName(), JsonbEventSerializer.create(DcbEvent.registry(false)));
    }
}
