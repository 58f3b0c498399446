package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reading your own writes ({@code ?after=}) pins no request thread, is bounded per user and in all,
 * answers a position it never handed out at once, and ends a wait that takes too long with the
 * documented 503. The "balances" projection is held back by a row lock the test takes on its read model,
 * so that reads after a newer write have to wait.
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadYourWritesIT {

    /** The bound this test states for other requests while 40 reads wait: each answered within it. */
    static final long OTHER_REQUESTS_BOUND_MILLIS = 1_000;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final String run = "w" + System.nanoTime();
    private final Map<String, Api> users =
            Map.of("alice", Api.as("alice"), "bob", Api.as("bob"), "carol", Api.as("carol"), "dora", Api.as("dora"));

    /** Opens an account of {@code user}, deposits, and waits until the balances projection has it. */
    private String account(String user) {
        Api api = users.get(user);
        String id = user + "-" + run;
        assertThat(api.post("accounts", "{\"id\":\"" + id + "\"}").status()).isEqualTo(201);
        Reply deposit = api.post("accounts/" + id + "/deposits", "{\"cents\":100}");
        assertThat(api.get("accounts/" + id + "?after=" + deposit.position()).status())
                .isEqualTo(200);
        return id;
    }

    /** Holds a lock on the balances row of {@code account}: the projection's next batch that touches it waits. */
    private static Connection holdBalanceRow(String account) throws Exception {
        Connection c = ServerEnvironment.connection();
        c.setAutoCommit(false);
        try (PreparedStatement ps =
                c.prepareStatement("select cents from sample_balances where account = ? for update")) {
            ps.setString(1, "account-" + account);
            ps.executeQuery().close();
        }
        return c;
    }

    @Test
    void a_position_the_api_never_handed_out_is_answered_400_at_once() {
        Api alice = users.get("alice");
        Reply bare = alice.get("accounts?after=5");
        assertThat(bare.status()).as(bare.body()).isEqualTo(400);
        assertThat((String) bare.json().get("detail")).startsWith("after must be a position this API returned");

        String beyond =
                "p" + Base64.getUrlEncoder().withoutPadding().encodeToString("9223372036854775807.1".getBytes());
        long started = System.nanoTime();
        Reply ahead = alice.get("accounts?after=" + beyond);
        assertThat(ahead.status()).as(ahead.body()).isEqualTo(400);
        assertThat((String) ahead.json().get("detail")).contains("beyond the newest event");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
    }

    @Test
    void forty_waiting_reads_pin_no_thread_are_bounded_and_other_requests_stay_fast() throws Exception {
        List<String> names = List.of("alice", "bob", "carol", "dora");
        Map<String, String> accounts = new ConcurrentHashMap<>();
        names.forEach(n -> accounts.put(n, account(n)));
        String behind = accounts.get("alice");
        List<Long> otherMillis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try (Connection lock = holdBalanceRow(behind)) {
            Reply write = users.get("alice").post("accounts/" + behind + "/deposits", "{\"cents\":1}");
            assertThat(write.status()).isEqualTo(200);
            String after = write.position();

            ExecutorService pool = Executors.newFixedThreadPool(40);
            List<Future<Integer>> waiting = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    Api api = users.get(names.get(i % 4));
                    waiting.add(
                            pool.submit(() -> api.get("accounts?after=" + after).status()));
                }
                Thread.sleep(1_000); // the reads are in: every allowed one is waiting now
                for (int i = 0; i < 20; i++) {
                    long t = System.nanoTime();
                    Reply mine = users.get("carol").get("accounts/" + accounts.get("carol"));
                    assertThat(mine.status()).isEqualTo(200);
                    otherMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
                    t = System.nanoTime();
                    assertThat(Api.anonymous().get("accounts").status()).isEqualTo(401);
                    otherMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
                    t = System.nanoTime();
                    assertThat(users.get("bob")
                                    .post("accounts/" + accounts.get("bob") + "/deposits", "{\"cents\":1}")
                                    .status())
                            .isEqualTo(200);
                    otherMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
                }
                lock.rollback(); // the projection goes on; the waiting reads are answered
                for (Future<Integer> f : waiting) {
                    statuses.merge(f.get(30, TimeUnit.SECONDS), 1, Integer::sum);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Long> sorted = new ArrayList<>(otherMillis);
        Collections.sort(sorted);
        System.out.printf(
                "40 waiting reads: statuses %s; 60 other requests meanwhile: median %d ms, slowest %d ms%n",
                statuses, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertThat(statuses.keySet())
                .as("every waiting read answered 200 or, over its bound, 429")
                .isSubsetOf(200, 429);
        assertThat(statuses.getOrDefault(200, 0))
                .as("4 users may each have 4 reads waiting")
                .isEqualTo(16);
        assertThat(statuses.getOrDefault(429, 0)).isEqualTo(24);
        assertThat(sorted.get(sorted.size() - 1))
                .as("every other request meanwhile answered within %d ms", OTHER_REQUESTS_BOUND_MILLIS)
                .isLessThan(OTHER_REQUESTS_BOUND_MILLIS);
    }

    @Test
    void a_wait_longer_than_ten_seconds_ends_with_503_and_a_retry_hint() throws Exception {
        String behind = account("bob");
        try (Connection lock = holdBalanceRow(behind)) {
            Reply write = users.get("bob").post("accounts/" + behind + "/deposits", "{\"cents\":1}");
            long started = System.nanoTime();
            HttpResponse<String> late = users.get("bob")
                    .exchange(HttpRequest.newBuilder(URI.create(Api.base() + "accounts?after=" + write.position()))
                            .GET());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            lock.rollback();
            assertThat(late.statusCode()).as(late.body()).isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).contains("2");
            assertThat(late.body())
                    .contains("the read model \\\"balances\\\" has not reached that position within 10 s; try again")
                    .doesNotContain("Exception", "java.");
            assertThat(millis).as("the wait's bound, and not much more").isBetween(9_000L, 16_000L);
        }
    }
}
