package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoreFailureException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A database of an earlier schema version, holding data, brought up to date by the scripts after its
 * version: nothing is lost, the upgrade does not wait for (or block) appends in flight, the tables of
 * the earlier version are left as they were (so nodes of the earlier EventCore keep working), and
 * before the upgrade this EventCore refuses what needs the newer schema, naming the script to run.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaUpgradeIT {

    /** A Hibernate unit on {@code url} as the application role. */
    static EntityManagerFactory factory(String url) {
        return Persistence.createEntityManagerFactory(
                "eventcore-hibernate",
                Map.of(
                        "jakarta.persistence.jdbc.url",
                        url,
                        "jakarta.persistence.jdbc.user",
                        TestDatabases.APP_USER,
                        "jakarta.persistence.jdbc.password",
                        TestDatabases.APP_PASSWORD,
                        "jakarta.persistence.jdbc.driver",
                        "org.postgresql.Driver"));
    }

    /** The columns, constraints, triggers and the application role's privileges of the version 1 tables. */
    private static List<String> versionOneShape(Connection admin) throws Exception {
        List<String> shape = new ArrayList<>();
        String tables = "('ec_events', 'ec_streams', 'ec_commands', 'ec_checkpoints')";
        try (Statement s = admin.createStatement()) {
            for (String query : List.of(
                    "select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                            + " || ' ' || coalesce(column_default, '') from information_schema.columns"
                            + " where table_name in " + tables + " order by 1",
                    "select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint"
                            + " where conrelid::regclass::text in " + tables + " order by 1",
                    "select tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text from pg_trigger"
                            + " where not tgisinternal and tgrelid::regclass::text in " + tables + " order by 1",
                    "select table_name || ' ' || privilege_type from information_schema.role_table_grants"
                            + " where grantee = 'eventcore_app' and table_name in " + tables + " order by 1",
                    "select indexrelid::regclass || ' ' || pg_get_indexdef(indexrelid) from pg_index"
                            + " where indrelid::regclass::text in " + tables + " order by 1")) {
                try (ResultSet r = s.executeQuery(query)) {
                    while (r.next()) {
                        shape.add(r.getString(1));
                    }
                }
            }
        }
        return shape;
    }

    private static void upgrade(Connection admin, int from) throws Exception {
        try (Statement s = admin.createStatement()) {
            // as the manual says: as eventcore_owner; an upgrade that waited for a lock would fail here
            s.execute("set role eventcore_owner");
            s.execute("set lock_timeout = '2s'");
            for (EventCoreSchema.Script script : EventCoreSchema.POSTGRESQL.scriptsAfter(from)) {
                s.execute(script.text());
            }
            s.execute("reset role");
        }
    }

    @Test
    void a_version_1_database_holding_data_is_upgraded_while_an_append_is_in_flight_and_keeps_everything()
            throws Exception {
        String url = TestDatabases.createDatabase(1);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            JpaCheckpointStore checkpoints = JpaCheckpointStore.create(jpa);
            StreamId a = StreamId.of("upgrade-a");
            StreamId b = StreamId.of("upgrade-b");
            // data written by a node of the earlier EventCore
            EarlierNode.append(earlier, a.value(), 0, event(1), event(2));
            GlobalPosition written = EarlierNode.append(earlier, b.value(), 0, event(3));
            earlier.commit();
            jpa.execute(x -> {
                checkpoints.save("balances", written);
                return null;
            });
            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(1);
            List<String> before = versionOneShape(admin);

            // this EventCore reads, but refuses to append and to lease before the upgrade, naming the scripts
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2));
            assertThatThrownBy(() -> jpa.execute(
                            x -> request().expect(a, 2).write(a, event(9)).appendTo(store)))
                    .isInstanceOf(StoreFailureException.class)
                    .hasMessageStartingWith("EC3031 The EventCore schema in this database is at version 1;")
                    .hasMessageContaining("needs version 4. Run V2__eventcore_skipped_events.sql, then"
                            + " V3__eventcore_append_function.sql, then V4__eventcore_append_generic_plans.sql from"
                            + " META-INF/eventcore/schema/postgresql/");
            JpaProjectionLeases leases = JpaProjectionLeases.create(jpa, Clock.systemUTC());
            assertThatThrownBy(() -> jpa.execute(x -> leases.acquire("balances", "n1", Duration.ofSeconds(30))))
                    .isInstanceOf(StoreFailureException.class)
                    .hasMessageStartingWith("EC3031 The EventCore schema in this database is at version 1;")
                    .hasMessageContaining("needs version 2. Run V2__eventcore_skipped_events.sql from"
                            + " META-INF/eventcore/schema/postgresql/");
            java.util.concurrent.ExecutorService pool = Executors.newSingleThreadExecutor();
            ProjectionRunner refused = ProjectionRunner.builder(
                            ProjectionDefinition.of("balances", e -> {}).withErrorPolicy(ErrorPolicy.RETRY))
                    .log(store)
                    .checkpoints(checkpoints)
                    .leases(JpaProjectionLeases.create(jpa, Clock.systemUTC()))
                    .boundary(jpa)
                    .executor(pool)
                    .owner("n1")
                    .build();
            refused.start();
            ProjectionStatus failed = awaitState(refused, ProjectionState.FAILED);
            assertThat(failed.lastError()).hasValueSatisfying(m -> assertThat(m).contains("EC3031", "V2__"));
            refused.stop(Duration.ofSeconds(5));
            pool.shutdownNow();

            // the upgrade runs while an append of the earlier node holds its locks, uncommitted
            EarlierNode.append(earlier, a.value(), 2, event(4));
            upgradeWithin(admin, 1, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(EventCoreSchema.VERSION);
            assertThat(versionOneShape(admin))
                    .as("the tables of version 1 are as they were: nodes of the earlier EventCore keep working")
                    .isEqualTo(before);
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2), event(4));
            assertThat(StoreFixture.payloads(store, b)).containsExactly(event(3));
            assertThat(checkpoints.load("balances")).contains(written);
            bothNodesAppendBesideEachOther(jpa, store, earlier, EarlierNode::append, a, 3, b, 1);

            // and what needed version 2 works, on the same instance that refused
            assertThat(leases.acquire("balances", "n1", Duration.ofSeconds(30))).isPresent();
            SkippedEvent skipped = new SkippedEvent(EventId.generate(), written, "x.Y", "boom");
            jpa.execute(x -> {
                leases.record("balances", skipped);
                leases.record("balances", skipped); // a second record of the same event changes nothing
                return null;
            });
            assertThat(leases.recent("balances", 10)).containsExactly(skipped);
            assertThat(leases.count("balances")).isEqualTo(1);
        } finally {
            emf.close();
        }
    }

    @Test
    void a_version_2_database_holding_data_is_upgraded_while_an_append_is_in_flight_and_keeps_everything()
            throws Exception {
        String url = TestDatabases.createDatabase(2);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            JpaProjectionLeases leases = JpaProjectionLeases.create(jpa, Clock.systemUTC());
            StreamId a = StreamId.of("upgrade-2-a");
            StreamId b = StreamId.of("upgrade-2-b");
            GlobalPosition written = EarlierNode.append(earlier, a.value(), 0, event(1), event(2));
            EarlierNode.append(earlier, b.value(), 0, event(3));
            earlier.commit();
            SkippedEvent skipped = new SkippedEvent(EventId.generate(), written, "x.Y", "boom");
            jpa.execute(x -> {
                leases.record("balances", skipped);
                return null;
            });
            List<String> before = versionOneShape(admin);

            assertThatThrownBy(() -> jpa.execute(
                            x -> request().expect(a, 2).write(a, event(9)).appendTo(store)))
                    .isInstanceOf(StoreFailureException.class)
                    .hasMessageStartingWith("EC3031 The EventCore schema in this database is at version 2;")
                    .hasMessageContaining("needs version 4. Run V3__eventcore_append_function.sql, then"
                            + " V4__eventcore_append_generic_plans.sql from META-INF/eventcore/schema/postgresql/");
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2));

            EarlierNode.append(earlier, a.value(), 2, event(4));
            upgradeWithin(admin, 2, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(EventCoreSchema.VERSION);
            assertThat(versionOneShape(admin)).isEqualTo(before);
            assertThat(leases.recent("balances", 10)).containsExactly(skipped);
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2), event(4));
            bothNodesAppendBesideEachOther(jpa, store, earlier, EarlierNode::append, a, 3, b, 1);
        } finally {
            emf.close();
        }
    }

    @Test
    void a_version_3_database_holding_data_is_upgraded_while_an_append_is_in_flight_and_keeps_everything()
            throws Exception {
        String url = TestDatabases.createDatabase(3);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            StreamId a = StreamId.of("upgrade-3-a");
            StreamId b = StreamId.of("upgrade-3-b");
            EarlierNode.appendThroughFunction(earlier, a.value(), 0, event(1), event(2));
            EarlierNode.appendThroughFunction(earlier, b.value(), 0, event(3));
            earlier.commit();
            List<String> before = versionOneShape(admin);
            String privileges = functionPrivileges(admin);

            assertThatThrownBy(() -> jpa.execute(
                            x -> request().expect(a, 2).write(a, event(9)).appendTo(store)))
                    .isInstanceOf(StoreFailureException.class)
                    .hasMessageStartingWith("EC3031 The EventCore schema in this database is at version 3;")
                    .hasMessageContaining("needs version 4. Run V4__eventcore_append_generic_plans.sql from"
                            + " META-INF/eventcore/schema/postgresql/");
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2));
            assertThat(functionSettings(admin)).containsExactly("search_path=pg_catalog, public, pg_temp");

            // a version-3 node's call of ec_append holds its locks, uncommitted, while the upgrade runs
            EarlierNode.appendThroughFunction(earlier, a.value(), 2, event(4));
            upgradeWithin(admin, 3, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(EventCoreSchema.VERSION);
            assertThat(versionOneShape(admin)).isEqualTo(before);
            assertThat(functionSettings(admin))
                    .as("the search path of version 3 stays; the plans are kept per session")
                    .containsExactlyInAnyOrder(
                            "search_path=pg_catalog, public, pg_temp", "plan_cache_mode=force_generic_plan");
            assertThat(functionPrivileges(admin))
                    .as("who may call ec_append is unchanged")
                    .isEqualTo(privileges);
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2), event(4));
            // version-3 and version-4 nodes append to the same streams in turn
            bothNodesAppendBesideEachOther(jpa, store, earlier, EarlierNode::appendThroughFunction, a, 3, b, 1);
            assertThat(StoreFixture.payloads(store, a))
                    .containsExactly(event(1), event(2), event(4), event(6), event(8));
            assertThat(StoreFixture.payloads(store, b)).containsExactly(event(3), event(5), event(7));
            List<StoredEvent<Object>> log = jpa.execute(x -> store.readLog(GlobalPosition.start(), 1000));
            assertThat(log)
                    .as("the database holds these two streams only: the whole log")
                    .hasSize(8);
        } finally {
            emf.close();
        }
    }

    @Test
    void a_version_4_database_holding_data_gets_the_snapshot_table_while_appends_run_and_keeps_everything()
            throws Exception {
        String url = TestDatabases.createDatabase(4);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            JpaSnapshotStore snapshots = JpaSnapshotStore.create(jpa, JpaStoreSettings.DEFAULT);
            StreamId a = StreamId.of("upgrade-4-a");
            StreamId b = StreamId.of("upgrade-4-b");
            EarlierNode.appendThroughFunction(earlier, a.value(), 0, event(1), event(2));
            EarlierNode.appendThroughFunction(earlier, b.value(), 0, event(3));
            earlier.commit();
            List<String> before = versionOneShape(admin);
            String privileges = functionPrivileges(admin);

            // this EventCore appends on version 4 (it needs no more for that), but its snapshots need 5
            jpa.execute(x -> request().expect(b, 1).write(b, event(5)).appendTo(store));
            org.eventcore.spi.Snapshot snapshot = new org.eventcore.spi.Snapshot(
                    "org.example.Withdraw\nupgrade-4-a",
                    Map.of(a, org.eventcore.StreamVersion.of(2)),
                    GlobalPosition.of(1, 2),
                    1,
                    1,
                    "types",
                    2,
                    "{\"cents\":3}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> jpa.execute(x -> {
                        snapshots.save(snapshot);
                        return null;
                    }))
                    .isInstanceOf(StoreFailureException.class)
                    .hasMessageStartingWith("EC3031 The EventCore schema in this database is at version 4;")
                    .hasMessageContaining("needs version 5. Run V5__eventcore_snapshots.sql from"
                            + " META-INF/eventcore/schema/postgresql/");

            // a version-4 node's append holds its locks, uncommitted, while the upgrade runs
            EarlierNode.appendThroughFunction(earlier, a.value(), 2, event(4));
            upgradeWithin(admin, 4, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(EventCoreSchema.VERSION);
            assertThat(versionOneShape(admin))
                    .as("the tables of the earlier versions are untouched")
                    .isEqualTo(before);
            assertThat(functionPrivileges(admin)).isEqualTo(privileges);
            jpa.execute(x -> {
                snapshots.save(snapshot);
                return null;
            });
            java.util.Optional<org.eventcore.spi.Snapshot> loaded = jpa.execute(x -> snapshots.load(snapshot.key()));
            assertThat(loaded).contains(snapshot);
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2), event(4));
            // version-4 and version-5 nodes append to the same streams in turn
            bothNodesAppendBesideEachOther(jpa, store, earlier, EarlierNode::appendThroughFunction, a, 3, b, 2);
            assertThat(StoreFixture.payloads(store, a))
                    .containsExactly(event(1), event(2), event(4), event(6), event(8));
            assertThat(StoreFixture.payloads(store, b)).containsExactly(event(3), event(5), event(5), event(7));
        } finally {
            emf.close();
        }
    }

    @Test
    void a_version_5_database_holding_data_gets_the_key_lookups_while_an_append_is_in_flight_and_keeps_everything()
            throws Exception {
        String url = TestDatabases.createDatabase(5);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            StreamId a = StreamId.of("upgrade-5-a");
            StreamId b = StreamId.of("upgrade-5-b");
            EarlierNode.appendThroughFunction(earlier, a.value(), 0, event(1), event(2));
            EarlierNode.appendThroughFunction(earlier, b.value(), 0, event(3));
            earlier.commit();
            List<String> before = versionOneShape(admin);
            String privileges = functionPrivileges(admin);
            List<String> settings = functionSettings(admin);

            // this EventCore needs no more than version 5: it appends before the upgrade
            jpa.execute(x -> request().expect(b, 1).write(b, event(5)).appendTo(store));
            // a version-5 node's call of ec_append holds its locks, uncommitted, while the upgrade runs
            EarlierNode.appendThroughFunction(earlier, a.value(), 2, event(4));
            upgradeWithin(admin, 5, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(EventCoreSchema.VERSION);
            assertThat(versionOneShape(admin))
                    .as("the tables of the earlier versions are untouched")
                    .isEqualTo(before);
            assertThat(functionPrivileges(admin))
                    .as("owner and privileges stay")
                    .isEqualTo(privileges);
            assertThat(functionSettings(admin))
                    .as("the search path of version 3 and the plans per session of version 4, restated")
                    .containsExactlyInAnyOrderElementsOf(settings)
                    .contains("plan_cache_mode=force_generic_plan");
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2), event(4));
            // version-5 and version-6 nodes append to the same streams in turn
            bothNodesAppendBesideEachOther(jpa, store, earlier, EarlierNode::appendThroughFunction, a, 3, b, 2);
            assertThat(StoreFixture.payloads(store, a))
                    .containsExactly(event(1), event(2), event(4), event(6), event(8));
            assertThat(StoreFixture.payloads(store, b)).containsExactly(event(3), event(5), event(5), event(7));
        } finally {
            emf.close();
        }
    }

    @Test
    void a_session_that_planned_ec_append_on_empty_tables_scans_every_event_on_version_5_and_no_table_on_version_6()
            throws Exception {
        assertThat(scansOfAnAppendPlannedOnEmptyTables(5))
                .as("version 5: the generic plans made without statistics join by scanning the tables")
                .hasEntrySatisfying("ec_events", n -> assertThat(n).isPositive())
                .hasEntrySatisfying("ec_streams", n -> assertThat(n).isPositive());
        assertThat(scansOfAnAppendPlannedOnEmptyTables(6))
                .as("version 6: one look-up per stream by its key, whatever the statistics")
                .containsEntry("ec_events", 0L)
                .containsEntry("ec_streams", 0L);
    }

    /**
     * In a new database of {@code version} whose statistics stay those of empty tables (autovacuum off,
     * as in a new database's first minute): one session calls ec_append while the tables are empty (it
     * plans the function's statements then, once for the session), another appends 100 events, then
     * the first appends again; returns the sequential scans of that last call, by table.
     */
    private static Map<String, Long> scansOfAnAppendPlannedOnEmptyTables(int version) throws Exception {
        String url = TestDatabases.createDatabase(version);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection first =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD);
                Connection other =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            try (Statement s = admin.createStatement()) {
                for (String table : List.of("ec_events", "ec_streams", "ec_commands")) {
                    s.execute("alter table " + table + " set (autovacuum_enabled = false)");
                }
            }
            first.setAutoCommit(false);
            other.setAutoCommit(false);
            EarlierNode.appendThroughFunction(first, "planned-on-empty-tables", 0, event(1));
            first.commit();
            for (int i = 0; i < 50; i++) {
                EarlierNode.appendThroughFunction(other, "filler-" + i, 0, event(2), event(3));
            }
            other.commit();
            EarlierNode.appendThroughFunction(first, "planned-on-empty-tables", 1, event(4));
            Map<String, Long> scans = new java.util.HashMap<>();
            try (Statement s = first.createStatement();
                    ResultSet r = s.executeQuery("select relname, seq_scan from pg_stat_xact_user_tables"
                            + " where relname in ('ec_events', 'ec_streams', 'ec_commands')")) {
                while (r.next()) {
                    scans.put(r.getString(1), r.getLong(2));
                }
            }
            first.rollback();
            return scans;
        }
    }

    /** The settings ec_append runs with (pg_proc.proconfig). */
    private static List<String> functionSettings(Connection admin) throws Exception {
        List<String> settings = new ArrayList<>();
        try (Statement s = admin.createStatement();
                ResultSet r = s.executeQuery("select unnest(proconfig) from pg_proc where proname = 'ec_append'")) {
            while (r.next()) {
                settings.add(r.getString(1));
            }
        }
        return settings;
    }

    /** Who may run ec_append and who owns it. */
    private static String functionPrivileges(Connection admin) throws Exception {
        try (Statement s = admin.createStatement();
                ResultSet r = s.executeQuery("select proacl::text || ' ' || proowner::regrole::text || ' '"
                        + " || prosecdef::text from pg_proc where proname = 'ec_append'")) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }

    /** How a node of an earlier version appends: {@link EarlierNode#append} or {@link EarlierNode#appendThroughFunction}. */
    @FunctionalInterface
    private interface EarlierAppend {
        GlobalPosition append(Connection app, String stream, long expectedVersion, Object... payloads) throws Exception;
    }

    /**
     * After the upgrade, the earlier node and this one append to the same streams in turn, then at once
     * from two threads: every append lands once, the versions have no gap, and the global log holds
     * every event once, in order.
     */
    @Test
    void a_version_6_database_holding_data_gets_the_controls_table_while_an_append_is_in_flight_and_keeps_everything()
            throws Exception {
        String url = TestDatabases.createDatabase(6);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            org.eventcore.projection.spi.ProjectionControls controls = JpaProjectionLeases.create(
                            jpa, Clock.systemUTC())
                    .controls()
                    .orElseThrow();
            StreamId a = StreamId.of("upgrade-6-a");
            StreamId b = StreamId.of("upgrade-6-b");
            EarlierNode.appendThroughFunction(earlier, a.value(), 0, event(1), event(2));
            EarlierNode.appendThroughFunction(earlier, b.value(), 0, event(3));
            earlier.commit();
            List<String> before = versionOneShape(admin);

            // before the upgrade: the store appends, the controls find nothing and refuse to record a change
            jpa.execute(x -> request().expect(b, 1).write(b, event(5)).appendTo(store));
            assertThat(jpa.<List<org.eventcore.projection.spi.ProjectionControl>>withEntityManager(
                            em -> controls.pending("p")))
                    .isEmpty();
            assertThatThrownBy(() -> jpa.<Long>execute(x -> controls.request(
                            "p",
                            org.eventcore.projection.spi.ProjectionControl.Action.PAUSE,
                            Optional.empty(),
                            "dora")))
                    .hasMessageContaining("V7__eventcore_projection_controls.sql");
            // a version-6 node's append holds its locks, uncommitted, while the upgrade runs
            EarlierNode.appendThroughFunction(earlier, a.value(), 2, event(4));
            upgradeWithin(admin, 6, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(EventCoreSchema.VERSION);
            assertThat(versionOneShape(admin))
                    .as("the tables of the earlier versions are untouched")
                    .isEqualTo(before);
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2), event(4));
            // the application role records and settles changes (after the minute a too-old schema is trusted:
            // a new instance reads the version again)
            org.eventcore.projection.spi.ProjectionControls upgraded = JpaProjectionLeases.create(
                            jpa, Clock.systemUTC())
                    .controls()
                    .orElseThrow();
            long epoch = jpa.<Long>execute(x -> JpaProjectionLeases.create(jpa, Clock.systemUTC())
                    .acquire("p", "n1", Duration.ofSeconds(30))
                    .orElseThrow()
                    .epoch());
            long id = jpa.<Long>execute(x -> upgraded.request(
                    "p", org.eventcore.projection.spi.ProjectionControl.Action.PAUSE, Optional.empty(), "dora"));
            assertThat(jpa.<List<org.eventcore.projection.spi.ProjectionControl>>withEntityManager(
                            em -> upgraded.pending("p")))
                    .hasSize(1);
            assertThat(jpa.<Boolean>execute(x -> upgraded.settle(
                            id, org.eventcore.projection.spi.ProjectionControl.Status.DONE, "paused", "n1", epoch)))
                    .isTrue();
            assertThat(jpa.<Boolean>withEntityManager(em -> upgraded.paused("p")))
                    .isTrue();
            // version-6 and version-7 nodes append to the same streams in turn
            bothNodesAppendBesideEachOther(jpa, store, earlier, EarlierNode::appendThroughFunction, a, 3, b, 2);
        } finally {
            emf.close();
        }
    }

    @Test
    void a_version_7_database_holding_data_gets_the_tags_while_an_append_is_in_flight_and_keeps_everything()
            throws Exception {
        String url = TestDatabases.createDatabase(7);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            StreamId a = StreamId.of("upgrade-7-a");
            StreamId b = StreamId.of("upgrade-7-b");
            org.eventcore.Tag tag = org.eventcore.Tag.of("upgrade", "7");
            org.eventcore.TagQuery query = org.eventcore.TagQuery.tagged(tag);
            EarlierNode.appendThroughFunction(earlier, a.value(), 0, event(1), event(2));
            EarlierNode.appendThroughFunction(earlier, b.value(), 0, event(3));
            earlier.commit();
            List<String> before = versionOneShape(admin);

            // before the upgrade: untagged appends work; tags and tag queries are refused, naming the script
            jpa.execute(x -> request().expect(b, 1).write(b, event(5)).appendTo(store));
            assertThatThrownBy(() -> jpa.execute(x -> store.readTagged(List.of(query))))
                    .hasMessageContaining("V8__eventcore_tags.sql");
            assertThatThrownBy(() -> jpa.execute(
                            x -> request().expect(b, 2).write(b, event(6), tag).appendTo(store)))
                    .hasMessageContaining("V8__eventcore_tags.sql");
            // a version-7 node's append holds its locks, uncommitted, while the upgrade runs
            EarlierNode.appendThroughFunction(earlier, a.value(), 2, event(4));
            upgradeWithin(admin, 7, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(EventCoreSchema.VERSION);
            assertThat(versionOneShape(admin))
                    .as("the tables of the earlier versions are untouched")
                    .isEqualTo(before);
            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1), event(2), event(4));
            // a new store instance (a too-old schema is trusted for a minute) tags, reads and checks
            JpaEventStore upgraded = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            org.eventcore.spi.TagRead read = jpa.execute(x -> upgraded.readTagged(List.of(query)));
            assertThat(read.events()).isEmpty();
            jpa.execute(x -> request()
                    .expect(b, 2)
                    .write(b, event(6), tag)
                    .condition(query, read.position())
                    .appendTo(upgraded));
            assertThat(jpa.execute(x -> upgraded.readTagged(List.of(query))).events())
                    .extracting(e -> e.payload())
                    .containsExactly(event(6));
            // version-7 and version-9 nodes append to the same streams in turn
            bothNodesAppendBesideEachOther(jpa, upgraded, earlier, EarlierNode::appendThroughFunction, a, 3, b, 3);
        } finally {
            emf.close();
        }
    }

    @Test
    void a_version_8_database_holding_tagged_events_gets_the_lock_order_while_a_tagged_append_is_in_flight()
            throws Exception {
        String url = TestDatabases.createDatabase(8);
        EntityManagerFactory emf = factory(url);
        ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
        try (Connection admin = TestDatabases.adminConnection(url);
                Connection earlier =
                        DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            earlier.setAutoCommit(false);
            JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            StreamId a = StreamId.of("upgrade-8-a");
            StreamId b = StreamId.of("upgrade-8-b");
            org.eventcore.Tag tag = org.eventcore.Tag.of("upgrade", "8");
            org.eventcore.TagQuery query = org.eventcore.TagQuery.tagged(tag);
            EarlierNode.appendTaggedThroughVersion8(earlier, a.value(), 0, tag.value(), event(1), event(2));
            earlier.commit();
            List<String> before = versionOneShape(admin);

            // before the upgrade: untagged appends work, tags are refused naming the script
            jpa.execute(x -> request().expect(b, 0).write(b, event(3)).appendTo(store));
            assertThatThrownBy(() -> jpa.execute(x -> store.readTagged(List.of(query))))
                    .hasMessageContaining("V9__eventcore_tag_lock_order.sql")
                    .hasMessageNotContaining("V8__");
            // a version-8 node's tagged append holds its locks, uncommitted, while the upgrade runs
            EarlierNode.appendTaggedThroughVersion8(earlier, a.value(), 2, tag.value(), event(4));
            upgradeWithin(admin, 8, Duration.ofSeconds(30));
            earlier.commit();

            assertThat(jpa.withEntityManager(SchemaVersion::read)).isEqualTo(9);
            assertThat(versionOneShape(admin)).isEqualTo(before);
            JpaEventStore upgraded = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
            org.eventcore.spi.TagRead read = jpa.execute(x -> upgraded.readTagged(List.of(query)));
            assertThat(read.events())
                    .as("the tagged events of the version-8 node")
                    .extracting(e -> e.payload())
                    .containsExactly(event(1), event(2), event(4));
            jpa.execute(x -> request()
                    .expect(b, 1)
                    .write(b, event(5), tag)
                    .condition(query, read.position())
                    .appendTo(upgraded));
            EarlierNode.appendTaggedThroughVersion8(earlier, a.value(), 3, tag.value(), event(6));
            earlier.commit();
            assertThatThrownBy(() -> jpa.execute(x -> request()
                            .expect(b, 2)
                            .write(b, event(7), tag)
                            .condition(query, read.position())
                            .appendTo(upgraded)))
                    .isInstanceOf(org.eventcore.StreamConflictException.class);
            assertThat(jpa.execute(x -> upgraded.readTagged(List.of(query))).events())
                    .extracting(e -> e.payload())
                    .containsExactly(event(1), event(2), event(4), event(5), event(6));
        } finally {
            emf.close();
        }
    }

    private static void bothNodesAppendBesideEachOther(
            ResourceLocalJpa jpa,
            JpaEventStore store,
            Connection earlier,
            EarlierAppend earlierAppend,
            StreamId a,
            long aAt,
            StreamId b,
            long bAt)
            throws Exception {
        earlierAppend.append(earlier, b.value(), bAt, event(5));
        earlier.commit();
        jpa.execute(x -> request().expect(a, aAt).write(a, event(6)).appendTo(store));
        jpa.execute(x -> request().expect(b, bAt + 1).write(b, event(7)).appendTo(store));
        earlierAppend.append(earlier, a.value(), aAt + 1, event(8));
        earlier.commit();
        assertThat(StoreFixture.read(store, a).events())
                .extracting(e -> e.version().value())
                .containsExactly(LongStream.rangeClosed(1, aAt + 2).boxed().toArray(Long[]::new));
        assertThat(StoreFixture.read(store, b).events())
                .extracting(e -> e.version().value())
                .containsExactly(LongStream.rangeClosed(1, bAt + 2).boxed().toArray(Long[]::new));
        List<GlobalPosition> log = jpa.execute(x -> store.readLog(GlobalPosition.start(), 1000)).stream()
                .filter(e -> e.streamId().equals(a) || e.streamId().equals(b))
                .map(e -> e.position())
                .toList();
        assertThat(log).hasSize((int) (aAt + 2 + bAt + 2)).isSorted().doesNotHaveDuplicates();
    }

    private static void upgradeWithin(Connection admin, int from, Duration limit) throws Exception {
        CompletableFuture<Void> upgraded = CompletableFuture.runAsync(() -> {
            try {
                upgrade(admin, from);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            upgraded.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the upgrade waited for the append in flight or failed", e);
        }
    }

    @Test
    void the_application_role_may_read_and_write_skipped_events_but_not_change_the_schema_version() throws Exception {
        String url = TestDatabases.createDatabase();
        try (Connection app = DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD);
                Statement s = app.createStatement()) {
            s.execute("insert into ec_skipped_events (projection_name, log_epoch, log_offset, event_id,"
                    + " payload_type, error) values ('p', 0, 1, 'e', 't', 'x')");
            s.execute("delete from ec_skipped_events where projection_name = 'p'");
            try (ResultSet r = s.executeQuery("select max(version) from ec_schema_version")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(EventCoreSchema.VERSION);
            }
            assertThatThrownBy(() -> s.execute("insert into ec_schema_version (version) values (99)"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void an_h2_database_of_version_1_is_upgraded_by_the_scripts_after_it() throws Exception {
        String h2 = "jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(h2, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(EventCoreSchema.H2.scripts().get(0).text());
        }
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(
                "eventcore-hibernate",
                Map.of(
                        "jakarta.persistence.jdbc.url", h2,
                        "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", "",
                        "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
        try {
            ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
            JpaEventStore store = JpaEventStore.create(
                    jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT.withDialect(JpaDialect.H2));
            StreamId a = StreamId.of("h2-upgrade");
            jpa.execute(x -> request().expect(a, 0).write(a, event(1)).appendTo(store));
            JpaProjectionLeases leases = JpaProjectionLeases.create(jpa, Clock.systemUTC());
            assertThatThrownBy(() -> jpa.execute(x -> leases.count("p")))
                    .hasMessageStartingWith("EC3031 The EventCore schema in this database is at version 1;");

            try (Connection c = DriverManager.getConnection(h2, "sa", "");
                    Statement s = c.createStatement()) {
                for (EventCoreSchema.Script script : EventCoreSchema.H2.scriptsAfter(1)) {
                    s.execute(script.text());
                }
            }

            assertThat(StoreFixture.payloads(store, a)).containsExactly(event(1));
            assertThat(leases.count("p")).isZero();
            SkippedEvent skipped = new SkippedEvent(EventId.generate(), GlobalPosition.of(1), "x.Y", "e".repeat(5000));
            jpa.execute(x -> {
                leases.record("p", skipped);
                return null;
            });
            assertThat(leases.recent("p", 5)).singleElement().satisfies(r -> {
                assertThat(r.error()).as("cut, with a mark").hasSize(4000).endsWith("[... cut at 4000]");
                assertThat(r.position()).isEqualTo(GlobalPosition.of(1));
            });
        } finally {
            emf.close();
        }
    }

    private static ProjectionStatus awaitState(ProjectionRunner runner, ProjectionState state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        ProjectionStatus s = runner.status();
        while (s.state() != state) {
            assertThat(System.nanoTime()).as("waiting for %s, now %s", state, s).isLessThan(deadline);
            Thread.sleep(20);
            s = runner.status();
        }
        return s;
    }
}
