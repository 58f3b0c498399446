package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The banking slice over real HTTP on WildFly, with PostgreSQL behind the server's default datasource. */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankingIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final String run = "b" + System.nanoTime();
    /** alice's account ids begin with her name, bob's with his. */
    private final String a = "alice-" + run;

    private final String b = "bob-" + run;
    private final Api alice = Api.as("alice");
    private final Api bob = Api.as("bob");

    private String open(Api as, String id) {
        Reply opened = as.post("accounts", "{\"id\":\"" + id + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.position();
    }

    private static long number(Object json) {
        return ((Number) json).longValue();
    }

    @Test
    void open_accounts_deposit_transfer_and_read_your_own_write_from_the_read_models() {
        open(alice, a + "-a");
        open(bob, b + "-b");
        assertThat(alice.post("accounts/" + a + "-a/deposits", "{\"cents\":10000}")
                        .status())
                .isEqualTo(200);

        Reply transfer = alice.post("transfers", "{\"from\":\"" + a + "-a\",\"to\":\"" + b + "-b\",\"cents\":2500}");
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
        List<?> events = (List<?>) transfer.json().get("events");
        assertThat(events).as("one command, both streams").hasSize(2);

        Reply mine = alice.get("accounts/" + a + "-a?after=" + transfer.position());
        Reply his = bob.get("accounts/" + b + "-b?after=" + transfer.position());
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(number(mine.json().get("cents"))).isEqualTo(7500);
        assertThat(number(his.json().get("cents"))).isEqualTo(2500);
        assertThat(his.json().get("owner")).isEqualTo("bob");

        List<Map<String, Object>> statement = alice.get("accounts/" + a + "-a/statement?after=" + transfer.position())
                .jsonList();
        assertThat(statement).extracting(l -> number(l.get("cents"))).containsExactly(10000L, -2500L);

        Reply notes = alice.get("notifications");
        assertThat(notes.status()).isEqualTo(200);
        assertThat(notes.body())
                .as("the after-commit observer of StoredEvent<MoneyWithdrawn> heard the transfer, with its envelope")
                .contains("account-" + a + "-a: 2500 cents withdrawn by alice (command "
                        + transfer.json().get("commandId") + ", version 3)");
    }

    @Test
    void a_broken_rule_is_422_invalid_input_400_and_each_answer_says_why() {
        open(alice, a + "-c");
        Reply overdraw = alice.post("accounts/" + a + "-c/withdrawals", "{\"cents\":1}");
        assertThat(overdraw.status()).isEqualTo(422);
        assertThat(overdraw.json())
                .containsEntry("title", "Command rejected")
                .containsEntry("status", java.math.BigDecimal.valueOf(422));
        assertThat((String) overdraw.json().get("detail"))
                .contains("EC1100 Command Withdraw rejected: insufficient funds in account-" + a + "-c");

        Reply missing = alice.post("accounts/" + a + "-c/deposits", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat((String) missing.json().get("detail")).isEqualTo("the request needs the field \"cents\"");

        Reply notJson = alice.post("accounts/" + a + "-c/deposits", "{\"cents\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat((String) notJson.json().get("detail")).isEqualTo("the request body is not valid JSON");

        Reply badId = alice.post("accounts", "{\"id\":\"" + "x".repeat(300) + "\"}");
        assertThat(badId.status()).isEqualTo(400);
        assertThat((String) badId.json().get("detail")).startsWith("an account id is 1 to 63 lowercase letters");

        Reply again = alice.post("accounts", "{\"id\":\"" + a + "-c\"}");
        assertThat(again.status()).isEqualTo(422);
        assertThat((String) again.json().get("detail")).contains("is already open");
    }

    @Test
    void without_valid_credentials_the_api_answers_401() {
        assertThat(Api.anonymous().get("accounts").status()).isEqualTo(401);
        assertThat(Api.as("alice", "wrong").get("accounts").status()).isEqualTo(401);
        assertThat(Api.as("mallory", "mallory-secret")
                        .post("accounts", "{\"id\":\"mallory-" + run + "\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void the_user_on_the_events_is_the_authenticated_caller_and_request_data_cannot_forge_it() throws Exception {
        open(bob, b + "-f");
        Reply extraFields = bob.post("accounts/" + b + "-f/deposits", "{\"cents\":100,\"user\":\"mallory\"}");
        assertThat(extraFields.status())
                .as("a body field the API does not know is refused")
                .isEqualTo(400);
        Reply forged = bob.post(
                "accounts/" + b + "-f/deposits?user=mallory",
                "{\"cents\":100}",
                "X-User",
                "mallory",
                "X-Forwarded-User",
                "mallory");
        assertThat(forged.status()).as(forged.body()).isEqualTo(200);
        assertThat((List<?>) forged.json().get("events"))
                .singleElement()
                .satisfies(e -> assertThat(((Map<?, ?>) e).get("user")).isEqualTo("bob"));

        try (Connection c = ServerEnvironment.connection();
                PreparedStatement ps =
                        c.prepareStatement("select distinct user_name from ec_events where stream_id = ?")) {
            ps.setString(1, "account-" + b + "-f");
            List<String> users = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
            assertThat(users).as("stored in the database").containsExactly("bob");
        }
        List<Map<String, Object>> statement = bob.get("accounts/" + b + "-f/statement?after=" + forged.position())
                .jsonList();
        assertThat(statement).extracting(l -> l.get("recordedBy")).containsExactly("bob");
    }

    @Test
    void sixteen_threads_of_concurrent_transfers_keep_the_total_and_every_read_model_consistent() throws Exception {
        int accounts = 8;
        long initial = 100_000;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = a + "-t" + i;
            open(alice, id);
            assertThat(alice.post("accounts/" + id + "/deposits", "{\"cents\":" + initial + "}")
                            .status())
                    .isEqualTo(200);
            ids.add(id);
        }
        int threads = 16;
        int perThread = 25;
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        List<String> positions = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < perThread; i++) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        Reply r = alice.post(
                                "transfers",
                                "{\"from\":\"" + ids.get(from) + "\",\"to\":\"" + ids.get(to) + "\",\"cents\":"
                                        + (1 + random.nextInt(500)) + "}");
                        if (r.status() == 200) {
                            committed.incrementAndGet();
                            positions.add(r.position());
                        } else if (r.status() == 409 || r.status() == 422) {
                            exhausted.incrementAndGet();
                        } else {
                            unexpected.add(r.status() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf(
                "16 threads, %d transfers over HTTP in %d ms: %d committed, %d refused (409 attempts exhausted or"
                        + " 422 insufficient funds)%n",
                threads * perThread, millis, committed.get(), exhausted.get());
        assertThat(unexpected).isEmpty();
        assertThat(committed.get()).as("most transfers commit").isGreaterThan(threads * perThread / 2);
        String last = positions.stream()
                .max(java.util.Comparator.comparing(Api::positionOf))
                .orElseThrow();

        Reply all = alice.get("accounts?after=" + last);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        long total = 0;
        for (Object o : (List<?>) all.json().get("accounts")) {
            Map<?, ?> balance = (Map<?, ?>) o;
            String account = (String) balance.get("account");
            if (!account.startsWith("account-" + a + "-t")) {
                continue;
            }
            long cents = number(balance.get("cents"));
            assertThat(cents).as("no account below zero").isNotNegative();
            total += cents;
            String id = account.substring("account-".length());
            List<Map<String, Object>> statement =
                    alice.get("accounts/" + id + "/statement?after=" + last).jsonList();
            assertThat(statement.stream().mapToLong(l -> number(l.get("cents"))).sum())
                    .as("the statement of %s adds up to its balance", id)
                    .isEqualTo(cents);
            List<Long> versions =
                    statement.stream().map(l -> number(l.get("version"))).toList();
            assertThat(versions)
                    .as("versions of %s gapless after the opening event", id)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(2, statement.size() + 1)
                            .boxed()
                            .toList());
            assertThat(number(balance.get("events"))).isEqualTo(statement.size() + 1);
        }
        assertThat(total).as("money conserved").isEqualTo(accounts * initial);
    }
}
