package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.eventcore.StreamId;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented development option: the persistence unit creates the schema at start-up from the
 * script shipped in the jar, with the standard JPA schema-generation properties.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaAtStartUpIT {

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void an_h2_persistence_unit_creates_the_schema_from_the_shipped_script(String unit) {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(
                unit,
                Map.of(
                        "jakarta.persistence.jdbc.url", "jdbc:h2:mem:startup-" + unit + ";DB_CLOSE_DELAY=-1",
                        "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", "",
                        "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                        "jakarta.persistence.schema-generation.database.action", "create",
                        "jakarta.persistence.schema-generation.create-source", "script",
                        "jakarta.persistence.schema-generation.create-script-source", EventCoreSchema.H2.resource()));
        try {
            JpaEventStore store = JpaEventStore.create(
                    ResourceLocalJpa.create(emf),
                    TestDatabases.serializer(),
                    JpaStoreSettings.DEFAULT.withDialect(JpaDialect.H2));
            StreamId s = StreamId.of("startup");
            request().expect(s, 0).write(s, event(1)).appendTo(store);
            assertThat(StoreFixture.payloads(store, s)).containsExactly(event(1));
            // the whole current schema: the projection leases find the version they need
            assertThat(JpaProjectionLeases.create(ResourceLocalJpa.create(emf), java.time.Clock.systemUTC())
                            .count("startup"))
                    .isZero();
        } finally {
            emf.close();
        }
    }
}
