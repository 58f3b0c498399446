package org.eventcore.sample.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventcore.sample.Limits;
import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated hostile HTTP against the sample on WildFly: request bodies mutated (wrong types, huge and
 * fractional numbers, lone surrogates, NUL, markup, SQL, duplicate and unknown keys, 10,000 levels of
 * nesting, truncated, empty, not JSON, 2 MB), odd paths, query strings, headers, credentials and methods,
 * and on a socket request lines and headers that {@code java.net.http} refuses to send. Every answer
 * must be below 500 and carry no internal detail (the strings {@link InputIT} forbids); a closed
 * connection is an answer. Then the events in PostgreSQL must keep every rule of the sample's domain,
 * money must be conserved, and the read models the API answers from must equal the log folded.
 *
 * <p>{@value #REDUCED} requests, {@value #FULL_SIZE} with {@code -Deventcore.faults.full=true}; the
 * seed is printed, and {@code -Deventcore.hostile.seed=N} replays a run. Each answer is checked as it
 * arrives, and every failure names the seed and the request. The summary is the line that begins with
 * {@code HOSTILE-HTTP}. WildFly only: the Payara execution of the build skips it.
 *
 * <p>Any 5xx fails the test, also one that WildFly answers by itself before the sample sees the request:
 * the sample's WildFly configuration ({@code configure.cli}) turns off the h2c upgrade on plain HTTP (a
 * bad {@code HTTP2-Settings} header got a 500) and the welcome content at the root (a method it does not
 * implement, on a path that {@code %2e%2e} took out of the application, got a 501). Requests that may change
 * something and whose answer did not say what (a closed connection, a pipelined request) are counted: no
 * more commands of this test may be stored unacknowledged than there were such requests.
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostileHttpIT {

    static final int REDUCED = 300;
    static final int FULL_SIZE = 10_000;

    private static final boolean FULL = Boolean.getBoolean("eventcore.faults.full");

    private static final int REQUESTS = FULL ? FULL_SIZE : REDUCED;

    /** What no answer may contain: SQL, class names, stack traces (as {@link InputIT} checks). */
    private static final List<String> INTERNAL =
            List.of("org.", "java.", "jakarta.", "SQL", "Exception", "\tat ", "ec_", "select ");

    private static final List<String> USERS = List.of("alice", "bob", "carol", "dora");
    private static final Set<String> CLERKS = Set.of("dora");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BODY_LIMIT = 64 * 1024;
    private static final int DEEP = 10_000;
    private static final Jsonb JSON = JsonbBuilder.create();

    private static final HttpClient HTTP1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Tries an h2c upgrade on plain HTTP. */
    private static final HttpClient HTTP2 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final long seed = Long.getLong("eventcore.hostile.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final String run = "h" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private String host;
    private int port;
    private String api;

    /** An account the set-up opened and paid into. */
    record Account(String id, String owner) {}

    /**
     * A generated request; {@code raw}, when not null, is sent on a socket exactly as it is (method and
     * target then only describe it).
     */
    record Req(
            String kind,
            String method,
            String target,
            List<String[]> headers,
            byte[] body,
            byte[] raw,
            boolean http2,
            boolean mayChange) {}

    /** An answer: the status code, or closed, timeout, silent or garbled; and the body. */
    record Outcome(String status, String body, boolean socket, String note) {
        Outcome(String status, String body, boolean socket) {
            this(status, body, socket, "");
        }

        int code() {
            return status.matches("\\d{3}") ? Integer.parseInt(status) : -1;
        }
    }

    /** A stored event, as read from ec_events. */
    record Event(
            long tx,
            long position,
            String stream,
            long version,
            String type,
            Map<String, Object> payload,
            String command,
            String user) {
        String name() {
            return type.startsWith("sample.") ? type.substring("sample.".length()) : type;
        }

        String where() {
            return stream + "@" + version + " " + type + " (command " + command + ", user " + user + ", position " + tx
                    + "." + position + ")";
        }
    }

    private final List<Account> accounts = new ArrayList<>();
    private final List<String> products = new ArrayList<>();
    private final List<String> orders = new ArrayList<>();
    /** Every command the API acknowledged: command id to its events as "stream@version type". */
    private final Map<String, List<String>> acknowledged = new LinkedHashMap<>();
    /** The set-up's deposits: command id to "stream cents". */
    private final Map<String, String> knownDeposits = new LinkedHashMap<>();

    private long knownDeposited;
    /** Requests that may have changed something whose answer did not say what. */
    private int unknownOutcomes;

    /** With {@code -Deventcore.hostile.trace=true}, every request and its answer, in target/hostile-http-trace.txt. */
    private final java.io.PrintWriter trace = Boolean.getBoolean("eventcore.hostile.trace") ? openTrace() : null;

    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Map<String, Integer>> byKind = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int viaSocket;
    private int h2Retries;

    /** Well-formed requests whose connection closed without an answer, by the client's reason. */
    private final Map<String, Integer> closedWithoutAnswer = new TreeMap<>();

    @Test
    void hostile_requests_get_no_5xx_leak_nothing_and_store_only_events_the_rules_allow() throws Exception {
        URI base = URI.create(Api.base());
        host = base.getHost();
        port = base.getPort();
        api = base.getRawPath();
        System.out.printf(
                "HostileHttpIT: seed %d (replay with -Deventcore.hostile.seed=%d), %d requests, run %s%n",
                seed, seed, REQUESTS, run);
        setUp();

        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Req req = next();
            check(i, req, send(req));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<String> violations = new ArrayList<>();
        Folded log = checkLog(violations);
        checkApiAgainstLog(log, violations);

        String summary = String.format(
                Locale.ROOT,
                "HOSTILE-HTTP %s requests=%d seed=%d elapsed=%.1fs statuses=%s socket=%d h2-retried=%d kinds=%s | log: %d events,"
                        + " %d commands, %d accounts, deposits %d, withdrawals %d, transfers %d (%d cents),"
                        + " balances %d, set-up deposited %d | acknowledged %d, unknown outcomes %d |"
                        + " failures %d, violations %d",
                FULL ? "full" : "reduced",
                REQUESTS,
                seed,
                seconds,
                statuses,
                viaSocket,
                h2Retries,
                byKind,
                log.events,
                log.commands,
                log.balances.size(),
                log.deposited,
                log.withdrawn,
                log.transfers,
                log.transferred,
                log.balances.values().stream().mapToLong(Long::longValue).sum(),
                knownDeposited,
                acknowledged.size(),
                unknownOutcomes,
                failures.size(),
                violations.size());
        System.out.println(summary);

        System.out.println("HOSTILE-HTTP closed without an answer (well-formed, client side): " + closedWithoutAnswer);
        assertThat(failures)
                .as("answers that were a server error, carried internal detail or never came (seed %d)", seed)
                .isEmpty();
        int closed = closedWithoutAnswer.values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(closed)
                .as(
                        "well-formed requests left without an answer (at most 2 %% of them may be the client's own"
                                + " failures): %s (seed %d)",
                        closedWithoutAnswer, seed)
                .isLessThanOrEqualTo(Math.max(5, REQUESTS / 50));
        assertThat(violations)
                .as("stored events against the sample's rules, or read models unlike the log (seed %d)", seed)
                .isEmpty();
    }

    // ---------------------------------------------------------------- set-up through the normal API

    private void setUp() {
        for (String user : USERS) {
            Api as = Api.as(user);
            for (String suffix : List.of("a", "b")) {
                String id = user + "-" + run + "-" + suffix;
                Reply opened = as.post("accounts", "{\"id\":\"" + id + "\"}");
                assertThat(opened.status()).as(opened.body()).isEqualTo(201);
                acknowledge(opened.body());
                long cents = 100_000 + 1_000L * accounts.size();
                Reply deposit = as.post("accounts/" + id + "/deposits", "{\"cents\":" + cents + "}");
                assertThat(deposit.status()).as(deposit.body()).isEqualTo(200);
                knownDeposits.put(acknowledge(deposit.body()), "account-" + id + " " + cents);
                knownDeposited += cents;
                accounts.add(new Account(id, user));
            }
        }
        Api dora = Api.as("dora");
        for (int p = 0; p < 8; p++) {
            products.add(run + "-p" + p);
            if (p < 4) {
                Reply stocked = dora.post("products/" + run + "-p" + p + "/stock", "{\"quantity\":1000}");
                assertThat(stocked.status()).as(stocked.body()).isEqualTo(200);
                acknowledge(stocked.body());
            }
        }
        for (int o = 0; o < 40; o++) {
            orders.add(run + "-o" + o);
        }
        for (int o = 0; o < 4; o++) {
            Reply placed = Api.as(USERS.get(o))
                    .post(
                            "orders",
                            "{\"id\":\"" + orders.get(o) + "\",\"lines\":{\"" + products.get(o) + "\":1,\""
                                    + products.get((o + 1) % 4) + "\":2}}");
            assertThat(placed.status()).as(placed.body()).isEqualTo(200);
            acknowledge(placed.body());
        }
    }

    /** Records the command of an answer; returns its id, or null for an answer that is not one. */
    private String acknowledge(String body) {
        Map<?, ?> answer;
        try {
            answer = JSON.fromJson(body, Map.class);
        } catch (RuntimeException e) {
            return null;
        }
        if (answer == null
                || !(answer.get("commandId") instanceof String id)
                || !(answer.get("events") instanceof List<?> events)) {
            return null;
        }
        List<String> stored = new ArrayList<>();
        for (Object o : events) {
            Map<?, ?> e = (Map<?, ?>) o;
            stored.add(e.get("stream") + "@" + ((Number) e.get("version")).longValue() + " sample." + e.get("type"));
        }
        acknowledged.put(id, stored);
        return id;
    }

    // ---------------------------------------------------------------- generating requests

    private Req next() {
        int k = random.nextInt(100);
        if (k < 40) {
            return bodyRequest(true);
        } else if (k < 52) {
            return pathRequest();
        } else if (k < 64) {
            return queryRequest();
        } else if (k < 78) {
            return headerRequest();
        } else if (k < 89) {
            return methodRequest();
        }
        return rawRequest();
    }

    /** A command to a real endpoint as a user, its JSON body mutated when {@code mutate}. */
    private Req bodyRequest(boolean mutate) {
        Account account = pick(accounts);
        String user = chance(80) ? account.owner() : pick(USERS);
        String target;
        List<String[]> fields = new ArrayList<>();
        switch (random.nextInt(9)) {
            case 0 -> {
                user = pick(USERS);
                target = api + "accounts";
                fields.add(
                        field("id", q(chance(85) ? user + "-" + run + "-n" + random.nextInt(1000) : hostileString())));
            }
            case 1 -> {
                target = api + "accounts/" + pathId(account.id()) + "/deposits";
                fields.add(field("cents", amount()));
            }
            case 2 -> {
                target = api + "accounts/" + pathId(account.id()) + "/withdrawals";
                fields.add(field("cents", amount()));
            }
            case 3, 4 -> {
                String to = chance(10)
                        ? account.id()
                        : chance(10) ? "nobody-" + run : pick(accounts).id();
                target = api + "transfers";
                fields.add(field("from", q(account.id())));
                fields.add(field("to", q(to)));
                fields.add(field("cents", amount()));
            }
            case 5 -> {
                user = chance(80) ? "dora" : pick(USERS);
                target = api + "products/" + pathId(pick(products)) + "/stock";
                fields.add(field("quantity", quantity()));
            }
            case 6 -> {
                user = pick(USERS);
                target = api + "orders";
                fields.add(field("id", q(chance(70) ? pick(orders) : run + "-x" + random.nextInt(1_000_000))));
                fields.add(field("lines", lines()));
            }
            case 7 -> {
                user = chance(70) ? "dora" : pick(USERS);
                target = api + "orders/" + pathId(pick(orders)) + "/shipment";
            }
            default -> {
                user = chance(50) ? "dora" : pick(USERS);
                target = api + "orders/" + pathId(pick(orders)) + "/cancellation";
            }
        }
        byte[] body = mutate ? mutate(fields) : json(fields).getBytes(UTF_8);
        List<String[]> headers = new ArrayList<>();
        headers.add(header("Authorization", auth(user)));
        headers.add(header(
                "Content-Type",
                chance(90)
                        ? "application/json"
                        : pick(
                                "application/json; charset=utf-8",
                                "application/json;charset=ISO-8859-1",
                                "Application/JSON",
                                "application/json; charset=utf-16",
                                "application/json; charset=nonsense")));
        if (chance(50)) {
            headers.add(header("Accept", "application/json"));
        }
        return new Req("body", "POST", target, headers, body, null, chance(20), true);
    }

    /** Paths under the application: odd segments, encoded and not, dot segments, long ones, unknown ones. */
    private Req pathRequest() {
        StringBuilder path = new StringBuilder("/eventcore-sample/");
        if (chance(75)) {
            path.append("api/");
        }
        int segments = 1 + random.nextInt(5);
        for (int s = 0; s < segments; s++) {
            if (s > 0) {
                path.append(chance(5) ? "//" : "/");
            }
            path.append(pathSegment());
        }
        if (chance(10)) {
            path.append('/');
        }
        String method = chance(75) ? "GET" : pick("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
        List<String[]> headers = new ArrayList<>();
        if (chance(85)) {
            headers.add(header("Authorization", auth(pick(USERS))));
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            headers.add(header("Content-Type", "application/json"));
            body = "{}".getBytes(UTF_8);
        }
        return new Req("path", method, path.toString(), headers, body, null, chance(20), body != null);
    }

    private String pathSegment() {
        return switch (random.nextInt(12)) {
            case 0 -> pick("accounts", "transfers", "orders", "products", "loyalty", "notifications", "projections");
            case 1 -> pick(accounts).id();
            case 2 -> pick("deposits", "withdrawals", "statement", "stock", "shipment", "cancellation", "problem");
            case 3 ->
                pick("..", ".", "%2e%2e", "%2E%2E%2F", "%2e", "..;", "%252e%252e", "%c0%ae%c0%ae", "%u002e", ".%2e");
            case 4 ->
                pick("%00", "%", "%zz", "%ff", "%0d%0aSet-Cookie:%20x=y", "%2f", "a%2fb", "%5c", "%7f", "%e2%80%ae");
            case 5 ->
                pick(";", ";jsessionid=abc", "WEB-INF", "web.xml", "META-INF", "MANIFEST.MF", "WEB-INF/web.xml", "*");
            case 6 -> "x".repeat(1 + random.nextInt(chance(20) ? 20_000 : 300));
            case 7 -> pick("é", "%C3%A9", "账户", "%F0%9F%98%80", "𝄞", "\u202e", "%ef%bb%bf");
            case 8 ->
                pick("<script>", "'", "\"", "{id}", "~", "+", "%20", " ", "\\", "|", "^", "`", "[", "]", "#x", "?");
            case 9 -> pick("'%20or%201=1--", "'; drop table x; --", "$$", "${jndi:ldap:x}", "#{7*7}", "{{7*7}}");
            case 10 -> randomText(1 + random.nextInt(12));
            default -> pick(products) + "/" + pick("stock", "x", "");
        };
    }

    /** The read endpoints with odd query strings: repeated, huge, oddly encoded, positions that are none. */
    private Req queryRequest() {
        Account account = pick(accounts);
        String path = switch (random.nextInt(7)) {
            case 0 -> "accounts";
            case 1 -> "accounts/" + account.id();
            case 2 -> "accounts/" + account.id() + "/statement";
            case 3 -> "products/" + pick(products);
            case 4 -> "loyalty";
            case 5 -> "notifications";
            default -> "projections";
        };
        StringBuilder query = new StringBuilder();
        int params = 1 + random.nextInt(4);
        for (int p = 0; p < params; p++) {
            if (p > 0) {
                query.append(chance(90) ? "&" : pick("&&", ";", "&amp;"));
            }
            query.append(queryParameter());
        }
        List<String[]> headers = new ArrayList<>();
        headers.add(header("Authorization", auth(chance(80) ? account.owner() : pick(USERS))));
        return new Req("query", "GET", api + path + "?" + query, headers, null, null, chance(20), false);
    }

    private String queryParameter() {
        return switch (random.nextInt(10)) {
            case 0, 1 ->
                "after="
                        + token(pick(
                                "0",
                                "1",
                                "-1",
                                "1.-1",
                                "1.2",
                                "1.2.3",
                                " 1",
                                "",
                                "9223372036854775807",
                                "9223372036854775807.9223372036854775807",
                                "99999999999999999999",
                                "1e3",
                                "0.0",
                                "5"));
            case 2 ->
                "after=" + pick("", "%", "%00", "p", "p%00", "P" + "A".repeat(8), "p+A", "p%2BA", "p==", "%E2%82%AC");
            case 3 -> "after=p" + "A".repeat(pick(59, 60, 61, 62));
            case 4 -> "after=" + "x".repeat(random.nextInt(chance(10) ? 60_000 : 2_000));
            case 5 ->
                pick("after", "after[]=1", "AFTER=1", "=", "&", "a=b=c", "user=dora", "role=clerk", "%zz=1", "€=€");
            case 6 -> pick("after=", "after=") + urlEncode(hostileString());
            case 7 -> "a=1&".repeat(chance(30) ? 1_500 : 20) + "b=2";
            case 8 -> "after=" + randomText(1 + random.nextInt(30));
            default -> pick("after=p", "after=") + urlEncode(randomText(1 + random.nextInt(20)));
        };
    }

    /** A real request with odd headers: content types, Accept, credentials, forwarding, huge or many headers. */
    private Req headerRequest() {
        Req base = chance(50) ? bodyRequest(false) : queryRequest();
        List<String[]> headers = new ArrayList<>(base.headers());
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(9)) {
                case 0 ->
                    replace(
                            headers,
                            "Content-Type",
                            pick(
                                    null,
                                    "",
                                    "application/json; charset=utf-16",
                                    "application/json;charset=\"",
                                    "application/json; charset=nonsense",
                                    "application/json ; x=y",
                                    "application/json;;;",
                                    "application/jsonp",
                                    "application/json, text/plain",
                                    "text/plain",
                                    "multipart/form-data; boundary=x",
                                    "application/x-www-form-urlencoded",
                                    "*/*",
                                    "application/*",
                                    ";",
                                    "a/b/c",
                                    "application/problem+json",
                                    "application/json; charset=" + "x".repeat(5_000),
                                    "application/json; q=\"\\\""));
                case 1 ->
                    replace(
                            headers,
                            "Accept",
                            pick(
                                    "*/*",
                                    "",
                                    "text/html",
                                    "application/xml",
                                    "application/json;q=0",
                                    "application/json;q=abc",
                                    "a",
                                    "/",
                                    ";;",
                                    "*/json",
                                    "application/*;q=0.5, text/*;q=1",
                                    "application/json;q=1;q=2",
                                    "text/plain, application/problem+json",
                                    "image/png",
                                    "application/json, ".repeat(500) + "*/*"));
                case 2 ->
                    replace(
                            headers,
                            "Authorization",
                            pick(
                                    null,
                                    "Basic",
                                    "Basic ",
                                    "Basic =",
                                    "Basic !!!",
                                    "Basic %%%",
                                    basic("alice"),
                                    basic("alice:wrong"),
                                    basic(":"),
                                    basic("alice:alice-secret:extra"),
                                    basic("ALICE:ALICE-SECRET"),
                                    basic("alice :alice-secret"),
                                    basic("mallory:mallory-secret"),
                                    basic("dora:alice-secret"),
                                    basic("alice\u0000:alice-secret"),
                                    basic("é:é"),
                                    "basic " + Base64.getEncoder().encodeToString("alice:alice-secret".getBytes(UTF_8)),
                                    "Basic  " + Base64.getEncoder().encodeToString("bob:bob-secret".getBytes(UTF_8)),
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(new byte[] {(byte) 0xff, ':', (byte) 0xfe}),
                                    "Basic " + "A".repeat(60_000),
                                    "Bearer x",
                                    "Digest username=\"alice\"",
                                    "Negotiate YII=",
                                    auth(pick(USERS))));
                case 3 ->
                    headers.add(header(
                            pick(
                                    "X-Forwarded-For",
                                    "X-Forwarded-Host",
                                    "X-Forwarded-Proto",
                                    "X-Forwarded-Port",
                                    "Forwarded"),
                            pick(
                                    "127.0.0.1",
                                    "evil.example",
                                    "https",
                                    "gopher",
                                    "-1",
                                    "99999",
                                    "abc",
                                    "for=\"[::1]\";proto=https;by=x",
                                    "<script>alert(1)</script>",
                                    "1.1.1.1, ".repeat(500) + "2.2.2.2")));
                case 4 ->
                    headers.add(header(
                            pick("X-User", "X-Remote-User", "Remote-User", "X-Forwarded-User", "X-Auth-User", "X-Role"),
                            pick("dora", "clerk", "admin", "root", "'; drop table x; --")));
                case 5 ->
                    headers.add(header(
                            "X-Huge-" + random.nextInt(10),
                            "v".repeat(1 + random.nextInt(chance(30) ? 200_000 : 8_000))));
                case 6 -> {
                    int many = pick(20, 150, 250);
                    for (int h = 0; h < many; h++) {
                        headers.add(header("X-Many-" + h, "v" + h));
                    }
                }
                case 7 ->
                    headers.add(header(
                            pick(
                                    "Cookie",
                                    "Range",
                                    "If-None-Match",
                                    "If-Modified-Since",
                                    "Accept-Encoding",
                                    "Accept-Charset",
                                    "Accept-Language",
                                    "Content-Encoding",
                                    "Origin",
                                    "X-HTTP-Method-Override",
                                    "Access-Control-Request-Method",
                                    "X-Original-URL"),
                            pick(
                                    "JSESSIONID=../../x",
                                    "a=1; ".repeat(300) + "b=2",
                                    "bytes=0-1",
                                    "bytes=a-b",
                                    "*",
                                    "garbage",
                                    "gzip, br, x;q=abc",
                                    "utf-16",
                                    "xx-YY;q=2",
                                    "gzip",
                                    "null",
                                    "DELETE",
                                    "/eventcore-sample/api/projections")));
                default ->
                    headers.add(header(
                            pick("Host", "Connection", "Content-Length", "Expect", "Upgrade", "Transfer-Encoding"),
                            pick("evil.example", "close", "-1", "100-continue", "h2c", "chunked", "0", "999999")));
            }
        }
        return new Req(
                "header", base.method(), base.target(), headers, base.body(), null, chance(20), base.mayChange());
    }

    /** Other methods on the real endpoints, with and without a JSON body. */
    private Req methodRequest() {
        Req base = chance(60) ? bodyRequest(false) : queryRequest();
        String method = pick(
                "PUT",
                "DELETE",
                "PATCH",
                "OPTIONS",
                "HEAD",
                "TRACE",
                "GET",
                "POST",
                "PROPFIND",
                "FOO",
                "CONNECT",
                "get");
        List<String[]> headers = new ArrayList<>(base.headers());
        byte[] body = base.body();
        if (chance(30)) {
            body = null;
        } else if (body == null && chance(50)) {
            body = "{}".getBytes(UTF_8);
            headers.add(header("Content-Type", "application/json"));
        }
        return new Req("method", method, base.target(), headers, body, null, chance(20), true);
    }

    /** Request lines and headers as bytes on a socket: what a client library would not send. */
    private Req rawRequest() {
        Account a = pick(accounts);
        String auth = "Authorization: " + auth(a.owner()) + "\r\n";
        String hostLine = "Host: " + host + ":" + port + "\r\n";
        String post = "POST " + api + "accounts/" + a.id() + "/deposits HTTP/1.1\r\n";
        String json = "Content-Type: application/json\r\n";
        String body = "{\"cents\":" + (1 + random.nextInt(100)) + "}";
        String length = "Content-Length: " + body.length() + "\r\n";
        String get = "GET " + api + "accounts HTTP/1.1\r\n";
        int variant = random.nextInt(44);
        String text = switch (variant) {
            case 0 -> "GET\r\n\r\n";
            case 1 -> "GET " + api + "accounts\r\n\r\n";
            case 2 -> "GET " + api + "accounts HTTP/9.9\r\n" + hostLine + auth + "\r\n";
            case 3 -> "GET " + api + "accounts HTTP/1.1 extra\r\n" + hostLine + auth + "\r\n";
            case 4 -> "get " + api + "accounts HTTP/1.1\r\n" + hostLine + auth + "\r\n";
            case 5 -> "GET  " + api + "accounts  HTTP/1.1\r\n" + hostLine + auth + "\r\n";
            case 6 -> "GET http://" + host + ":" + port + api + "accounts HTTP/1.1\r\n" + hostLine + auth + "\r\n";
            case 7 -> "GET http://evil.example" + api + "accounts HTTP/1.1\r\n" + hostLine + auth + "\r\n";
            case 8 -> pick("GET", "OPTIONS") + " * HTTP/1.1\r\n" + hostLine + "\r\n";
            case 9 -> "CONNECT " + host + ":" + port + " HTTP/1.1\r\n" + hostLine + "\r\n";
            case 10 ->
                "GET " + api + "accounts/" + latin1(pick(" x", "\u0000", "\t", "é", "%", "\u007f", "\"<>", "a b c"))
                        + " HTTP/1.1\r\n" + hostLine + auth + "\r\n";
            case 11 ->
                "GET /eventcore-sample/" + "a".repeat(random.nextInt(chance(20) ? 200_000 : 20_000)) + " HTTP/1.1\r\n"
                        + hostLine + "\r\n";
            case 12 -> get + auth + "\r\n";
            case 13 -> get + hostLine + hostLine + auth + "\r\n";
            case 14 ->
                get + pick("Host: evil.example\r\n", "Host: \r\n", "Host: a b\r\n", "Host: [::1\r\n") + auth + "\r\n";
            case 15 -> get + hostLine + "NoColonHeader\r\n" + auth + "\r\n";
            case 16 -> get + hostLine + "X-Folded: a\r\n  b\r\n" + auth + "\r\n";
            case 17 -> get + hostLine + "X-Nul: a\u0000b\r\n" + auth + "\r\n";
            case 18 -> get + hostLine + "X-Bytes: \u00ff\u00fe\u0080\u00c3\r\n" + auth + "\r\n";
            case 19 -> get + hostLine + "Bad(Name): x\r\n" + auth + "\r\n";
            case 20 -> get + hostLine + "X-Space : x\r\n" + auth + "\r\n";
            case 21 -> post + hostLine + auth + json + "Content-Length: -1\r\n\r\n" + body;
            case 22 -> post + hostLine + auth + json + "Content-Length: abc\r\n\r\n" + body;
            case 23 ->
                post + hostLine + auth + json + length + "Content-Length: " + (body.length() + 5) + "\r\n\r\n" + body;
            case 24 -> post + hostLine + auth + json + length + "Transfer-Encoding: chunked\r\n\r\n" + chunked(body);
            case 25 ->
                post + hostLine + auth + json + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n";
            case 26 ->
                post + hostLine + auth + json + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n" + body
                        + "\r\n0\r\n\r\n";
            case 27 -> post + hostLine + auth + json + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunked(body);
            case 28 -> post + hostLine + auth + json + "Transfer-Encoding: xchunked\r\n\r\n" + body;
            case 29 -> post + hostLine + auth + json + length + "Expect: 100-continue\r\n\r\n" + body;
            case 30 -> post + hostLine + auth + json + length + "Expect: garbage\r\n\r\n" + body;
            case 31 ->
                get + hostLine + auth + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                        + pick(
                                "HTTP2-Settings: !!!\r\n",
                                "HTTP2-Settings: \r\n",
                                "HTTP2-Settings: AAAA\r\n",
                                "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n",
                                "")
                        + "\r\n";
            case 32 ->
                get + hostLine + auth
                        + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: x\r\n\r\n";
            case 33 -> get + hostLine + auth + "Connection: keep-alive, close, garbage\r\n\r\n";
            case 34 ->
                get + hostLine + auth + "\r\n" + post + hostLine + auth + json + length + "\r\n" + body + get + hostLine
                        + "\r\n";
            case 35 -> post + hostLine + auth + json + "Content-Length: " + (body.length() + 100) + "\r\n\r\n" + body;
            case 36 -> post + hostLine + auth + json + length + "\r\n" + body + "\r\n\r\nGARBAGE\r\n";
            case 37 -> "\r\n\r\n" + get + hostLine + auth + "\r\n";
            case 38 -> (get + hostLine + auth + "\r\n").replace("\r\n", "\n");
            case 39 -> randomText(1 + random.nextInt(200)) + "\r\n\r\n";
            case 40 -> "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + randomText(50);
            case 41 -> "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003" + randomText(100);
            case 42 -> get + hostLine + "X-Many: v\r\n".repeat(pick(150, 300)) + auth + "\r\n";
            default ->
                post + hostLine + auth + json + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length()) + ";ext=\"x\r\n" + body + "\r\n0\r\nTrailer: x\r\n\r\n";
        };
        byte[] raw = text.getBytes(ISO_8859_1);
        String line = text.contains("\n") ? text.substring(0, text.indexOf('\n')) : text;
        return new Req(
                "raw",
                line.startsWith("HEAD") ? "HEAD" : "raw#" + variant,
                line,
                List.of(),
                null,
                raw,
                false,
                text.contains("POST "));
    }

    // ---------------------------------------------------------------- JSON bodies and their mutations

    private byte[] mutate(List<String[]> fields) {
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    if (!fields.isEmpty()) {
                        fields.get(random.nextInt(fields.size()))[1] = hostileValue();
                    }
                }
                case 2 -> fields.add(random.nextInt(fields.size() + 1), field(hostileKey(), hostileValue()));
                case 3 -> {
                    if (!fields.isEmpty()) {
                        String[] f = fields.get(random.nextInt(fields.size()));
                        fields.add(field(f[0], chance(50) ? f[1] : hostileValue()));
                    }
                }
                case 4 -> {
                    if (!fields.isEmpty()) {
                        fields.remove(random.nextInt(fields.size()));
                    }
                }
                default -> fields.add(field(pick("id", "cents", "from", "to", "lines", "quantity"), hostileValue()));
            }
        }
        String text = json(fields);
        if (!chance(35)) {
            return text.getBytes(UTF_8);
        }
        String key = fields.isEmpty() ? "cents" : fields.get(0)[0];
        return switch (random.nextInt(14)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1)).getBytes(UTF_8);
            case 1 -> new byte[0];
            case 2 -> {
                byte[] b = new byte[1 + random.nextInt(300)];
                random.nextBytes(b);
                yield b;
            }
            case 3 -> {
                byte[] b = text.getBytes(UTF_8);
                b[random.nextInt(b.length)] = (byte) (int) pick(0xff, 0xc3, 0x80, 0xed, 0xc0);
                yield b;
            }
            case 4 -> ("[".repeat(DEEP) + "]".repeat(DEEP)).getBytes(UTF_8);
            case 5 -> ("{" + q(key) + ":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}").getBytes(UTF_8);
            case 6 -> ("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)).getBytes(UTF_8);
            case 7 ->
                (chance(50)
                                ? text.substring(0, text.length() - 1) + (fields.isEmpty() ? "" : ",") + "\"pad\":\""
                                        + "a".repeat(2_000_000) + "\"}"
                                : " ".repeat(2_000_000) + text)
                        .getBytes(UTF_8);
            case 8 ->
                (" ".repeat(Math.max(0, BODY_LIMIT - text.length() + random.nextInt(5) - 2)) + text).getBytes(UTF_8);
            case 9 ->
                pick(
                                "{'cents':1}",
                                "{\"cents\":1,}",
                                "{/*x*/\"cents\":1}",
                                text + "//",
                                "\ufeff" + text,
                                "{}{}",
                                "null",
                                "[]",
                                "\"x\"",
                                "1",
                                "true",
                                text + " {}",
                                text + "\u0000",
                                "{\"cents\"::1}",
                                "{cents:1}",
                                "{\"cents\":1",
                                "}",
                                "{\"\":1}",
                                "{\"cents\":1}\u0000{\"cents\":2}")
                        .getBytes(UTF_8);
            case 10 ->
                text.getBytes(pick(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE));
            case 11 ->
                text.replaceFirst("\":\"", "\":\"" + (char) random.nextInt(32))
                        .replaceFirst("\\{\"", "{\"\u0001")
                        .getBytes(UTF_8);
            case 12 -> (text + randomText(1 + random.nextInt(20))).getBytes(UTF_8);
            default ->
                pick(
                                "cents=5&id=x",
                                "--x\r\nContent-Disposition: form-data; name=\"cents\"\r\n\r\n5\r\n--x--",
                                "<cents>5</cents>")
                        .getBytes(UTF_8);
        };
    }

    private String json(List<String[]> fields) {
        boolean spaced = chance(15);
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(spaced ? " ,\n\t" : ",");
            }
            b.append(q(fields.get(i)[0])).append(spaced ? " : " : ":").append(fields.get(i)[1]);
        }
        return b.append('}').toString();
    }

    /** An amount: mostly one a command may move, some more than a balance or the limit, some hostile. */
    private String amount() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> String.valueOf(1 + random.nextInt(5_000));
            case 4 -> String.valueOf(1 + random.nextInt(500_000));
            case 5 -> String.valueOf(Limits.MAX_AMOUNT_CENTS);
            case 6 -> String.valueOf(Limits.MAX_AMOUNT_CENTS + 1);
            case 7 -> "100000000000";
            default -> hostileNumber();
        };
    }

    private String quantity() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2, 3 -> String.valueOf(1 + random.nextInt(50));
            case 4 -> String.valueOf(Limits.MAX_QUANTITY);
            case 5 -> String.valueOf(Limits.MAX_QUANTITY + 1);
            default -> hostileNumber();
        };
    }

    /** An order's lines: products of the set-up (some twice), unknown or hostile skus, 51 lines now and then. */
    private String lines() {
        int n = chance(5) ? Limits.MAX_ORDER_LINES + 1 : 1 + random.nextInt(3);
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            String sku = n > 3 ? run + "-l" + i : chance(80) ? pick(products) : chance(50) ? run + "-zz" : hostileKey();
            b.append(q(sku)).append(':').append(chance(85) ? String.valueOf(1 + random.nextInt(3)) : hostileNumber());
        }
        return b.append('}').toString();
    }

    private String hostileValue() {
        return switch (random.nextInt(5)) {
            case 0 -> hostileNumber();
            case 1 -> q(hostileString());
            case 2 ->
                pick(
                        "true",
                        "false",
                        "null",
                        "[]",
                        "[1]",
                        "{}",
                        "{\"cents\":1}",
                        "[[[[]]]]",
                        "{\"a\":{\"b\":{\"c\":{}}}}",
                        "\"\\ud800\"",
                        "\"\\udc00\\ud800\"",
                        "\"\\u0000\"",
                        "\"a\\u0000b\"",
                        "\"\\u001f\\u007f\"",
                        "\"\\uD83D\\uDE00\"",
                        "\"\\\\\"",
                        "\"\\/\"",
                        "\"\\x41\"",
                        "\"\\u12\"");
            case 3 -> q(randomText(1 + random.nextInt(40)));
            default -> q(pick(USERS) + "-" + run + "-" + pick("a", "b", "n1"));
        };
    }

    private String hostileNumber() {
        return pick(
                "0",
                "-0",
                "-1",
                "-5",
                "1.5",
                "1.0",
                "0.1",
                "1e2",
                "1E+2",
                "1e-2",
                "1e400",
                "-1e400",
                "1e2147483648",
                "1e-2147483649",
                "1e99999999999",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "18446744073709551716",
                "4294967299",
                "2147483647",
                "2147483648",
                "1" + "0".repeat(400),
                "1" + "0".repeat(1_500),
                "0." + "0".repeat(300) + "1",
                "00",
                "01",
                "+1",
                ".5",
                "5.",
                "NaN",
                "Infinity",
                "-Infinity",
                "0x10",
                "1_000",
                "１",
                "\"100\"",
                String.valueOf(random.nextLong()),
                String.valueOf(random.nextInt()));
    }

    private String hostileString() {
        if (chance(5)) {
            return "x".repeat(random.nextInt(100_000));
        }
        return pick(
                "",
                " ",
                "<script>alert(1)</script>",
                "'; drop table ec_events; --",
                "\" or \"1\"=\"1",
                "1; select pg_sleep(10)",
                "$$; select 1; $$",
                "../../etc/passwd",
                "%00",
                "%2e%2e%2f",
                "${jndi:ldap://x/y}",
                "#{7*7}",
                "{{7*7}}",
                "alice-1\n",
                "ALICE-1",
                "alice_1",
                "alice-" + "x".repeat(63),
                "-alice",
                "é",
                "账户",
                "𝄞",
                "\u202e",
                "a\tb",
                "null",
                "NaN",
                "alice-1/../bob-1",
                "alice-1%2fbob",
                "alice-1;bob-1",
                "alice-1\u0000",
                "\ud800",
                "a\udc00b",
                "\u0000",
                "\u0001\u001f",
                "a".repeat(1_000),
                "java.lang.ProcessBuilder",
                "org.eventcore.X");
    }

    /**
     * A JSON key to add: never one of the internal strings, since the API names an unknown or repeated
     * key in its 400 (an echo of the request, not internal detail).
     */
    private String hostileKey() {
        String key = pick(
                "note",
                "user",
                "owner",
                "Cents",
                "cents ",
                "CENTS",
                " id",
                "id\u0000",
                "\u0000",
                "\ud800",
                "<script>alert(1)</script>",
                "'; drop table x; --",
                "k".repeat(1 + random.nextInt(2_000)),
                "账户",
                "__proto__",
                "@type",
                "$where",
                "",
                "\u202e",
                "a\u0001b",
                "𝄞",
                "id.id",
                "lines.x",
                randomText(1 + random.nextInt(10)));
        return echoSafe(key);
    }

    private static String echoSafe(String key) {
        for (String internal : INTERNAL) {
            if (key.contains(internal)) {
                return "k";
            }
        }
        return key;
    }

    /** Random UTF-16 code units, lone surrogates and control characters included. */
    private String randomText(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(
                    switch (random.nextInt(4)) {
                        case 0 -> (char) random.nextInt(0x20);
                        case 1 -> (char) (0x20 + random.nextInt(0x5f));
                        case 2 -> (char) (0xd800 + random.nextInt(0x800));
                        default -> (char) random.nextInt(0x10000);
                    });
        }
        return echoSafe(b.toString());
    }

    /** A JSON string literal of {@code s}: control characters and every surrogate escaped (lone ones stay lone). */
    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Percent-encodes everything but unreserved characters (a lone surrogate becomes '?', as UTF-8 has none). */
    private static String urlEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append(String.format("%%%02X", c));
            }
        }
        return b.toString();
    }

    /** An id in a path: mostly the real one, sometimes a hostile one percent-encoded. */
    private String pathId(String id) {
        return chance(90) ? id : urlEncode(hostileString());
    }

    private String token(String position) {
        return "p" + Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(UTF_8));
    }

    private static String chunked(String body) {
        return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static String latin1(String s) {
        return new String(s.getBytes(UTF_8), ISO_8859_1);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8));
    }

    private static String auth(String user) {
        return basic(user + ":" + user + "-secret");
    }

    private static String[] field(String key, String value) {
        return new String[] {key, value};
    }

    private static String[] header(String name, String value) {
        return new String[] {name, value};
    }

    private static void replace(List<String[]> headers, String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        if (value != null) {
            headers.add(header(name, value));
        }
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    private <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    // ---------------------------------------------------------------- sending

    private Outcome send(Req req) {
        if (req.raw() != null) {
            return socket(req.raw(), false);
        }
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + req.target()))
                    .timeout(TIMEOUT)
                    .method(
                            req.method(),
                            req.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(req.body()));
            for (String[] h : req.headers()) {
                b.header(h[0], h[1]);
            }
            request = b.build();
        } catch (IllegalArgumentException e) {
            // a URI, header or method java.net.http refuses: the same request, written on a socket
            return socket(serialize(req), "HEAD".equals(req.method()));
        }
        Outcome outcome = exchange(req.http2() ? HTTP2 : HTTP1, request);
        if (req.http2() && outcome.status().equals("closed")) {
            // java.net.http's HTTP/2 client fails some requests by itself (a NullPointerException in its
            // own code): the same request again over HTTP/1.1, so that the server is tried with it
            h2Retries++;
            if (req.mayChange()) {
                unknownOutcomes++;
            }
            Outcome again = exchange(HTTP1, request);
            return new Outcome(
                    again.status(), again.body(), false, "h2: " + outcome.note() + "; http/1.1: " + again.note());
        }
        return outcome;
    }

    private static Outcome exchange(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome(String.valueOf(response.statusCode()), new String(response.body(), UTF_8), false);
        } catch (HttpTimeoutException e) {
            return new Outcome("timeout", "", false);
        } catch (IOException e) {
            return new Outcome("closed", "", false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request as HTTP/1.1 bytes, with Host, Content-Length and Connection: close unless it names them. */
    private byte[] serialize(Req req) {
        StringBuilder b = new StringBuilder(req.method() + " " + latin1(req.target()) + " HTTP/1.1\r\n");
        Set<String> named = new java.util.HashSet<>();
        for (String[] h : req.headers()) {
            named.add(h[0].toLowerCase(Locale.ROOT));
        }
        if (!named.contains("host")) {
            b.append("Host: ").append(host).append(':').append(port).append("\r\n");
        }
        for (String[] h : req.headers()) {
            b.append(latin1(h[0])).append(": ").append(latin1(h[1])).append("\r\n");
        }
        if (req.body() != null && !named.contains("content-length") && !named.contains("transfer-encoding")) {
            b.append("Content-Length: ").append(req.body().length).append("\r\n");
        }
        if (!named.contains("connection")) {
            b.append("Connection: close\r\n");
        }
        b.append("\r\n");
        byte[] head = b.toString().getBytes(ISO_8859_1);
        byte[] body = req.body() == null ? new byte[0] : req.body();
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * Writes {@code bytes} on a new connection and reads the first answer. When nothing complete has come
     * after 2 s (the server may wait for body bytes that were never sent), the output is shut and the
     * server has 10 s more to answer or close.
     */
    private Outcome socket(byte[] bytes, boolean head) {
        viaSocket++;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.setSoTimeout(2_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the server closed while the request was being written: read what it answered
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[16_384];
            boolean shut = false;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    if (complete(got.toByteArray(), head)) {
                        break;
                    }
                    if (!shut) {
                        shut = true;
                        try {
                            s.shutdownOutput();
                        } catch (IOException ignored) {
                            // already closed
                        }
                        s.setSoTimeout(10_000);
                        continue;
                    }
                    return parse(got.toByteArray(), "silent");
                } catch (IOException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
                if (complete(got.toByteArray(), head) || got.size() > 8 * 1024 * 1024) {
                    break;
                }
            }
            return parse(got.toByteArray(), "closed");
        } catch (IOException e) {
            return new Outcome("closed", "", true, e.toString());
        }
    }

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d\\.\\d (\\d{3})");

    /** The final status and the body of the first answer in {@code bytes}; {@code none} when there is none. */
    private static Outcome parse(byte[] bytes, String none) {
        if (bytes.length == 0) {
            return new Outcome(none, "", true, "nothing received");
        }
        int start = 0;
        while (true) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(ISO_8859_1), start);
            String head = new String(bytes, start, (end < 0 ? bytes.length : end) - start, ISO_8859_1);
            Matcher m = STATUS_LINE.matcher(head);
            if (!m.find()) {
                return new Outcome("garbled", new String(bytes, UTF_8), true);
            }
            int code = Integer.parseInt(m.group(1));
            if (end < 0) {
                return new Outcome(String.valueOf(code), "", true);
            }
            if (code >= 100 && code < 200 && code != 101 && end + 4 < bytes.length) {
                start = end + 4;
                continue;
            }
            byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                rest = dechunk(rest);
            }
            return new Outcome(String.valueOf(code), new String(rest, UTF_8), true);
        }
    }

    /** Whether {@code bytes} hold a whole answer (a 1xx and the answer after it, for 100-continue). */
    private static boolean complete(byte[] bytes, boolean head) {
        int start = 0;
        while (true) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(ISO_8859_1), start);
            if (end < 0) {
                return false;
            }
            String headers = new String(bytes, start, end - start, ISO_8859_1).toLowerCase(Locale.ROOT);
            Matcher m = STATUS_LINE.matcher(headers.toUpperCase(Locale.ROOT));
            int code = m.find() ? Integer.parseInt(m.group(1)) : -1;
            if (code >= 100 && code < 200 && code != 101) {
                start = end + 4;
                continue;
            }
            if (head || code == 204 || code == 304 || code == 101) {
                return true;
            }
            Matcher length = Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(headers);
            if (length.find()) {
                return bytes.length - (end + 4) >= Long.parseLong(length.group(1));
            }
            if (headers.contains("transfer-encoding: chunked")) {
                return indexOf(bytes, "0\r\n\r\n".getBytes(ISO_8859_1), end + 4) >= 0;
            }
            return false;
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        try {
            while (i < chunked.length) {
                int eol = indexOf(chunked, "\r\n".getBytes(ISO_8859_1), i);
                if (eol < 0) {
                    break;
                }
                int size = Integer.parseInt(new String(chunked, i, eol - i, ISO_8859_1).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
                i = eol + 2 + size + 2;
            }
        } catch (RuntimeException e) {
            return chunked;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------- checking each answer

    private void check(int i, Req req, Outcome outcome) {
        String status = outcome.status();
        if (status.equals("garbled")
                && req.raw() != null
                && startsWith(req.raw(), "PRI * HTTP/2.0")
                && h2Frame(outcome)) {
            status = "h2-frames"; // the server spoke HTTP/2 to the HTTP/2 preface: SETTINGS or GOAWAY
        }
        statuses.merge(status, 1, Integer::sum);
        byKind.computeIfAbsent(req.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        String why = null;
        int code = outcome.code();
        if (code >= 500) {
            why = "a server error";
        } else if (status.equals("closed") && !outcome.socket() && !oversized(req)) {
            // a request java.net.http could send, of a size the server accepts: java.net.http itself fails
            // some of them (a NullPointerException in its own code for some targets), which cannot be
            // told from a connection the server closed; counted and bounded below, with their reasons
            closedWithoutAnswer.merge(abbreviate(outcome.note(), 90), 1, Integer::sum);
        } else if (code < 0 && !status.equals("closed") && !status.equals("h2-frames")) {
            why = "no answer (" + status + ")";
        } else {
            for (String internal : INTERNAL) {
                if (outcome.body().contains(internal)) {
                    why = "internal detail \"" + internal.replace("\t", "\\t") + "\" in the answer";
                    break;
                }
            }
        }
        if (why != null) {
            String failure = "seed " + seed + ", request " + i + " (" + req.kind()
                    + (outcome.socket() ? ", on a socket" : "") + "): " + why + ": " + describe(req) + " -> "
                    + outcome.status() + " " + abbreviate(outcome.body(), 400);
            failures.add(failure);
            System.out.println("HOSTILE-HTTP failure: " + failure);
        }
        if (trace != null) {
            trace.println(i + " " + java.time.LocalTime.now() + " " + req.kind() + (outcome.socket() ? " (socket)" : "")
                    + ": " + describe(req) + " -> " + outcome.status() + " " + abbreviate(outcome.body(), 300)
                    + (outcome.note().isEmpty() ? "" : " [" + outcome.note() + "]"));
        }
        boolean knownEffect = false;
        if (code >= 200 && code < 300) {
            knownEffect = acknowledge(outcome.body()) != null;
        }
        if (req.mayChange() && !knownEffect && !(code >= 300 && code < 500)) {
            unknownOutcomes++;
        }
    }

    private static java.io.PrintWriter openTrace() {
        try {
            return new java.io.PrintWriter(
                    java.nio.file.Files.newBufferedWriter(
                            java.nio.file.Path.of("target", "hostile-http-trace.txt"), UTF_8),
                    true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether the server may close the connection instead of answering: a body over the sample's 16 MiB
     * read limit's neighbourhood (over 1 MB), or headers over 8 KB together (the server's limit).
     */
    private static boolean oversized(Req req) {
        int headers = 0;
        for (String[] h : req.headers()) {
            headers += h[0].length() + h[1].length() + 4;
        }
        return (req.body() != null && req.body().length > 1_000_000) || headers > 8_000;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return new String(bytes, 0, Math.min(bytes.length, prefix.length()), ISO_8859_1).equals(prefix);
    }

    /** Whether an answer begins with an HTTP/2 frame header of a SETTINGS or GOAWAY frame. */
    private static boolean h2Frame(Outcome outcome) {
        String body = outcome.body();
        return body.length() >= 9 && (body.charAt(3) == 4 || body.charAt(3) == 7);
    }

    private String describe(Req req) {
        if (req.raw() != null) {
            return "raw bytes (" + req.raw().length + ") " + abbreviate(new String(req.raw(), ISO_8859_1), 400);
        }
        StringBuilder b = new StringBuilder(req.method()).append(' ').append(abbreviate(req.target(), 300));
        b.append(" headers [");
        for (String[] h : req.headers()) {
            b.append(abbreviate(h[0], 40))
                    .append(": ")
                    .append(abbreviate(h[1], 80))
                    .append("; ");
        }
        b.append("]");
        if (req.body() != null) {
            b.append(" body (")
                    .append(req.body().length)
                    .append(" bytes) ")
                    .append(abbreviate(new String(req.body(), UTF_8), 300));
        }
        return b.toString();
    }

    /** At most {@code max} characters, anything unprintable escaped. */
    private static String abbreviate(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(
                    c < 0x20 || c == 0x7f || Character.isSurrogate(c)
                            ? String.format("\\u%04x", (int) c)
                            : String.valueOf(c));
        }
        return s.length() > max ? b + "...(" + s.length() + " chars)" : b.toString();
    }

    // ---------------------------------------------------------------- the log in PostgreSQL

    /** The log folded in global order. */
    static final class Folded {
        long events;
        long commands;
        long deposited;
        long withdrawn;
        long transfers;
        long transferred;
        String newest;
        final Map<String, Long> balances = new TreeMap<>();
        final Map<String, Long> versions = new HashMap<>();
        final Map<String, String> owners = new HashMap<>();
        final Map<String, long[]> stock = new TreeMap<>();
        final Map<String, Long> points = new TreeMap<>();
    }

    /**
     * Reads every event and checks the sample's rules on each one and each command, folding the streams in
     * global order (transaction id, position): see the rules listed in the code.
     */
    private Folded checkLog(List<String> violations) throws Exception {
        List<Event> events = new ArrayList<>();
        try (Connection c = ServerEnvironment.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select tx_id, global_position, stream_id, stream_version, event_type,"
                        + " payload, causation_id, user_name, type_revision from ec_events order by tx_id,"
                        + " global_position")) {
            while (rs.next()) {
                String text = new String(rs.getBytes(6), UTF_8);
                Map<String, Object> payload;
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parsed = JSON.fromJson(text, Map.class);
                    payload = parsed;
                } catch (RuntimeException e) {
                    payload = Map.of();
                    violations.add("a payload that is not a JSON object: " + abbreviate(text, 200));
                }
                if (rs.getString(5).equals("sample.MoneyDeposited") && rs.getInt(9) == 2) {
                    // the next release's form (EvolvedEventsIT stores one), read as the sample reads it ahead
                    payload = depositOfRevision2(payload, text, violations);
                }
                events.add(new Event(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        payload,
                        rs.getString(7),
                        rs.getString(8)));
            }
        }
        Folded log = new Folded();
        log.events = events.size();
        Map<String, List<Event>> byCommand = new LinkedHashMap<>();
        Map<String, Map<String, Object>> placed = new HashMap<>();
        Map<String, String> orderState = new HashMap<>();
        for (Event e : events) {
            byCommand.computeIfAbsent(e.command(), k -> new ArrayList<>()).add(e);
            log.newest = e.tx() + "." + e.position();
            fold(e, log, placed, orderState, violations);
        }
        log.commands = byCommand.size();
        for (List<Event> command : byCommand.values()) {
            checkCommand(command, log, placed, violations);
        }
        long sum = log.balances.values().stream().mapToLong(Long::longValue).sum();
        if (sum != log.deposited - log.withdrawn) {
            violations.add("money: the balances add up to " + sum + ", deposits minus withdrawals are "
                    + (log.deposited - log.withdrawn));
        }
        for (Map.Entry<String, String> known : knownDeposits.entrySet()) {
            List<Event> stored = byCommand.get(known.getKey());
            String[] streamAndCents = known.getValue().split(" ");
            if (stored == null
                    || stored.size() != 1
                    || !stored.get(0).stream().equals(streamAndCents[0])
                    || !stored.get(0).name().equals("MoneyDeposited")
                    || cents(stored.get(0), "cents") != Long.parseLong(streamAndCents[1])) {
                violations.add("the set-up's deposit " + known + " is not in the log as made: " + stored);
            }
        }
        long unacknowledged = 0;
        for (Map.Entry<String, List<Event>> command : byCommand.entrySet()) {
            List<String> stored = command.getValue().stream()
                    .map(e -> e.stream() + "@" + e.version() + " " + e.type())
                    .toList();
            List<String> answered = acknowledged.get(command.getKey());
            if (answered != null && !answered.equals(stored)) {
                violations.add(
                        "command " + command.getKey() + " was answered with " + answered + " but stored " + stored);
            }
            if (answered == null && stored.stream().anyMatch(x -> x.contains(run))) {
                unacknowledged++;
            }
        }
        for (String id : acknowledged.keySet()) {
            if (!byCommand.containsKey(id)) {
                violations.add("command " + id + " was acknowledged but is not in the log: " + acknowledged.get(id));
            }
        }
        if (unacknowledged > unknownOutcomes) {
            violations.add(unacknowledged + " commands of this test are stored that no answer acknowledged, but only "
                    + unknownOutcomes + " requests had an outcome the test could not see");
        }
        return log;
    }

    /*
     * The rules, from the sample's domain (sample-domain: Accounts, OpenAccount, Deposit, Withdraw,
     * TransferMoney, Shop, AddStock, PlaceOrder, ShipOrder, CancelOrder, Limits):
     *  - every stream is account-, product-, order- or loyalty-; an account, product or order id is 1 to 63
     *    lowercase letters, digits or dashes; a loyalty stream is a user's;
     *  - versions are 1, 2, 3, ... in global order; every event has a user, one of the sample's;
     *  - an account: AccountOpened first and only first, by its owner, whose name and a dash begin the id;
     *    then only MoneyDeposited / MoneyWithdrawn of 1 to MAX_AMOUNT_CENTS; its balance folded in global
     *    order never below 0 nor above MAX_BALANCE_CENTS;
     *  - a product: StockAdded of 1 to MAX_QUANTITY; on hand 0 to MAX_ON_HAND, reserved 0 to on hand;
     *  - an order: OrderPlaced first, by its customer, 1 to MAX_ORDER_LINES lines of 1 to MAX_QUANTITY of
     *    product streams; then at most one OrderShipped or OrderCancelled naming the same customer; nothing after;
     *  - a loyalty stream: PointsEarned only, at least 1;
     *  - per command, all in one transaction: opening; a deposit or a withdrawal by the account's owner; a
     *    transfer (a withdrawal by the owner of one account, a deposit of the same cents into another);
     *    stock added by a clerk; an order placed with a reservation of each line on its product; an order
     *    shipped by a clerk with each line shipped and the points (the items) to its customer; an order
     *    cancelled by its customer or a clerk with each line released. Nothing else.
     */
    private void fold(
            Event e,
            Folded log,
            Map<String, Map<String, Object>> placed,
            Map<String, String> orderState,
            List<String> violations) {
        long expected = log.versions.getOrDefault(e.stream(), 0L) + 1;
        if (e.version() != expected) {
            violations.add("version " + e.version() + " where " + expected + " was next: " + e.where());
        }
        log.versions.put(e.stream(), e.version());
        if (e.user() == null || !USERS.contains(e.user())) {
            violations.add("an event without a user of the sample: " + e.where());
        }
        String stream = e.stream();
        if (stream.startsWith("account-")) {
            String id = stream.substring("account-".length());
            if (!ID.matcher(id).matches()) {
                violations.add("an account id the API refuses: " + e.where());
            }
            switch (e.name()) {
                case "AccountOpened" -> {
                    String owner = String.valueOf(e.payload().get("owner"));
                    if (e.version() != 1 || log.owners.containsKey(stream)) {
                        violations.add("an account opened twice: " + e.where());
                    }
                    if (!owner.equals(e.user()) || !id.startsWith(owner + "-") || id.length() <= owner.length() + 1) {
                        violations.add("an account opened for " + owner + " that is not theirs: " + e.where());
                    }
                    log.owners.put(stream, owner);
                    log.balances.put(stream, 0L);
                }
                case "MoneyDeposited", "MoneyWithdrawn" -> {
                    long cents = cents(e, "cents");
                    if (cents < 1 || cents > Limits.MAX_AMOUNT_CENTS) {
                        violations.add("an amount outside 1 to " + Limits.MAX_AMOUNT_CENTS + ": " + e.where());
                    }
                    if (!log.owners.containsKey(stream)) {
                        violations.add("money moved on an account that is not open: " + e.where());
                    }
                    long balance = log.balances.getOrDefault(stream, 0L)
                            + (e.name().equals("MoneyDeposited") ? cents : -cents);
                    if (balance < 0 || balance > Limits.MAX_BALANCE_CENTS) {
                        violations.add("a balance of " + balance + " after " + e.where());
                    }
                    log.balances.put(stream, balance);
                }
                default -> violations.add("an event an account never has: " + e.where());
            }
        } else if (stream.startsWith("product-")) {
            if (!ID.matcher(stream.substring("product-".length())).matches()) {
                violations.add("a product the API refuses: " + e.where());
            }
            long[] stock = log.stock.computeIfAbsent(stream, k -> new long[2]);
            long quantity = cents(e, "quantity");
            if (quantity < 1 || quantity > Limits.MAX_QUANTITY) {
                violations.add("a quantity outside 1 to " + Limits.MAX_QUANTITY + ": " + e.where());
            }
            switch (e.name()) {
                case "StockAdded" -> stock[0] += quantity;
                case "StockReserved" -> stock[1] += quantity;
                case "StockReleased" -> stock[1] -= quantity;
                case "StockShipped" -> {
                    stock[0] -= quantity;
                    stock[1] -= quantity;
                }
                default -> violations.add("an event a product never has: " + e.where());
            }
            if (stock[0] < 0 || stock[0] > Limits.MAX_ON_HAND || stock[1] < 0 || stock[1] > stock[0]) {
                violations.add("stock on hand " + stock[0] + ", reserved " + stock[1] + " after " + e.where());
            }
        } else if (stream.startsWith("order-")) {
            if (!ID.matcher(stream.substring("order-".length())).matches()) {
                violations.add("an order id the API refuses: " + e.where());
            }
            String state = orderState.get(stream);
            switch (e.name()) {
                case "OrderPlaced" -> {
                    if (state != null || e.version() != 1) {
                        violations.add("an order placed twice: " + e.where());
                    }
                    if (!String.valueOf(e.payload().get("customer")).equals(e.user())) {
                        violations.add("an order placed for someone else: " + e.where());
                    }
                    Map<?, ?> lines = e.payload().get("lines") instanceof Map<?, ?> m ? m : Map.of();
                    if (lines.isEmpty() || lines.size() > Limits.MAX_ORDER_LINES) {
                        violations.add("an order of " + lines.size() + " lines: " + e.where());
                    }
                    for (Map.Entry<?, ?> line : lines.entrySet()) {
                        String product = String.valueOf(line.getKey());
                        long q = number(line.getValue());
                        if (!product.startsWith("product-")
                                || !ID.matcher(product.substring("product-".length()))
                                        .matches()
                                || q < 1
                                || q > Limits.MAX_QUANTITY) {
                            violations.add("an order line " + line + " the API refuses: " + e.where());
                        }
                    }
                    placed.put(stream, e.payload());
                    orderState.put(stream, "PLACED");
                }
                case "OrderShipped", "OrderCancelled" -> {
                    if (!"PLACED".equals(state)) {
                        violations.add(
                                "an order " + (state == null ? "never placed" : state) + " changed: " + e.where());
                    } else if (!String.valueOf(e.payload().get("customer"))
                            .equals(String.valueOf(placed.get(stream).get("customer")))) {
                        violations.add("an order's customer changed: " + e.where());
                    }
                    orderState.put(stream, e.name());
                }
                default -> violations.add("an event an order never has: " + e.where());
            }
        } else if (stream.startsWith("loyalty-")) {
            if (!USERS.contains(stream.substring("loyalty-".length()))
                    || !e.name().equals("PointsEarned")) {
                violations.add("a loyalty event of no customer or of another type: " + e.where());
            }
            long points = cents(e, "points");
            if (points < 1) {
                violations.add("points below 1: " + e.where());
            }
            log.points.merge(stream, points, Long::sum);
        } else {
            violations.add("a stream the sample never writes: " + e.where());
        }
    }

    /** A whole number of the payload, or -1 when it is none. */
    /** {"amount": {"cents": n, "currency": "EUR"}} as revision 1's {"cents": n}. */
    private static Map<String, Object> depositOfRevision2(
            Map<String, Object> payload, String text, List<String> violations) {
        if (payload.get("amount") instanceof Map<?, ?> amount && "EUR".equals(amount.get("currency"))) {
            return Map.of("cents", amount.get("cents"));
        }
        violations.add("a deposit of revision 2 that is not an amount in euros: " + abbreviate(text, 200));
        return Map.of();
    }

    private static long cents(Event e, String name) {
        return number(e.payload().get(name));
    }

    /** A JSON whole number, or -1 when it is none. */
    private static long number(Object value) {
        if (!(value instanceof BigDecimal number)) {
            return -1;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException x) {
            return -1;
        }
    }

    private void checkCommand(
            List<Event> command, Folded log, Map<String, Map<String, Object>> placed, List<String> violations) {
        Event first = command.get(0);
        String what = "command " + first.command() + ": "
                + command.stream().map(Event::where).toList();
        if (command.stream().anyMatch(e -> e.tx() != first.tx())) {
            violations.add("a command in more than one transaction: " + what);
        }
        List<String> names = command.stream().map(Event::name).toList();
        String user = first.user();
        if (command.stream().anyMatch(e -> !java.util.Objects.equals(e.user(), user))) {
            violations.add("a command with events of several users: " + what);
        }
        if (names.equals(List.of("AccountOpened"))) {
            return;
        }
        if (names.equals(List.of("MoneyDeposited")) || names.equals(List.of("MoneyWithdrawn"))) {
            if (!user.equals(log.owners.get(first.stream()))) {
                violations.add("money moved by " + user + " on an account not theirs: " + what);
            }
            if (names.get(0).equals("MoneyDeposited")) {
                log.deposited += cents(first, "cents");
            } else {
                log.withdrawn += cents(first, "cents");
            }
            return;
        }
        if (names.equals(List.of("MoneyWithdrawn", "MoneyDeposited"))
                || names.equals(List.of("MoneyDeposited", "MoneyWithdrawn"))) {
            Event out = names.get(0).equals("MoneyWithdrawn") ? command.get(0) : command.get(1);
            Event in = out == command.get(0) ? command.get(1) : command.get(0);
            if (out.stream().equals(in.stream())) {
                violations.add("a transfer to the same account: " + what);
            }
            if (cents(out, "cents") != cents(in, "cents")) {
                violations.add("a transfer whose two sides differ: " + what);
            }
            if (!user.equals(log.owners.get(out.stream()))) {
                violations.add("a transfer from an account not the caller's: " + what);
            }
            log.transfers++;
            log.transferred += cents(out, "cents");
            return;
        }
        if (names.equals(List.of("StockAdded"))) {
            if (!CLERKS.contains(user)) {
                violations.add("stock added by " + user + ", no clerk: " + what);
            }
            return;
        }
        Event order = command.stream()
                .filter(e -> e.stream().startsWith("order-"))
                .findFirst()
                .orElse(null);
        if (order == null
                || command.stream().filter(e -> e.stream().startsWith("order-")).count() != 1
                || placed.get(order.stream()) == null) {
            violations.add("a command the sample never executes: " + what);
            return;
        }
        Map<?, ?> lines = placed.get(order.stream()).get("lines") instanceof Map<?, ?> m ? m : Map.of();
        String customer = String.valueOf(placed.get(order.stream()).get("customer"));
        String lineEvent;
        switch (order.name()) {
            case "OrderPlaced" -> lineEvent = "StockReserved";
            case "OrderShipped" -> {
                lineEvent = "StockShipped";
                if (!CLERKS.contains(user)) {
                    violations.add("an order shipped by " + user + ", no clerk: " + what);
                }
                long items =
                        lines.values().stream().mapToLong(HostileHttpIT::number).sum();
                List<Event> earned = command.stream()
                        .filter(e -> e.stream().startsWith("loyalty-"))
                        .toList();
                if (earned.size() != 1
                        || !earned.get(0).stream().equals("loyalty-" + customer)
                        || cents(earned.get(0), "points") != items
                        || !order.stream().equals(earned.get(0).payload().get("order"))) {
                    violations.add("an order shipped without " + items + " points to " + customer + ": " + what);
                }
            }
            case "OrderCancelled" -> {
                lineEvent = "StockReleased";
                if (!user.equals(customer) && !CLERKS.contains(user)) {
                    violations.add("an order cancelled by " + user + ", neither its customer nor a clerk: " + what);
                }
            }
            default -> {
                violations.add("a command the sample never executes: " + what);
                return;
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        lines.forEach((k, v) -> expected.put(String.valueOf(k), number(v)));
        Map<String, Long> actual = new TreeMap<>();
        for (Event e : command) {
            if (e.stream().startsWith("product-")) {
                if (!e.name().equals(lineEvent)
                        || !order.stream().equals(e.payload().get("order"))) {
                    violations.add("a product event that is not the order's " + lineEvent + ": " + what);
                }
                actual.merge(e.stream(), cents(e, "quantity"), Long::sum);
            } else if (!e.stream().startsWith("order-") && !e.stream().startsWith("loyalty-")) {
                violations.add("a command the sample never executes: " + what);
            }
        }
        if (!expected.equals(actual)) {
            violations.add("an order's lines " + expected + " but " + lineEvent + " " + actual + ": " + what);
        }
        if (order.name().equals("OrderPlaced")
                && command.stream().anyMatch(e -> e.stream().startsWith("loyalty-"))) {
            violations.add("points earned when an order was placed: " + what);
        }
    }

    // ---------------------------------------------------------------- the read models against the log

    /** The balances (every account, as a clerk), this test's products and every user's points equal the log folded. */
    private void checkApiAgainstLog(Folded log, List<String> violations) {
        String after = "?after=" + token(log.newest);
        Reply all = Api.as("dora").get("accounts" + after);
        if (all.status() != 200) {
            violations.add("the balances after the newest event: " + all.status() + " " + abbreviate(all.body(), 300));
            return;
        }
        Map<String, Object> answer = all.json();
        Map<String, String> api = new TreeMap<>();
        for (Object o : (List<?>) answer.get("accounts")) {
            Map<?, ?> b = (Map<?, ?>) o;
            api.put(
                    (String) b.get("account"),
                    ((Number) b.get("cents")).longValue() + " cents, " + ((Number) b.get("events")).longValue()
                            + " events");
        }
        Map<String, String> folded = new TreeMap<>();
        log.balances.forEach(
                (account, cents) -> folded.put(account, cents + " cents, " + log.versions.get(account) + " events"));
        if (!api.equals(folded)) {
            Map<String, String> differ = new TreeMap<>();
            folded.forEach((k, v) -> {
                if (!v.equals(api.get(k))) {
                    differ.put(k, "log " + v + ", API " + api.get(k));
                }
            });
            api.forEach((k, v) -> differ.putIfAbsent(k, "log " + folded.get(k) + ", API " + v));
            violations.add("the balances the API answers are not the log folded: " + differ);
        }
        long total = ((Number) answer.get("totalCents")).longValue();
        long sum = log.balances.values().stream().mapToLong(Long::longValue).sum();
        if (total != sum) {
            violations.add("the API's total is " + total + ", the log's " + sum);
        }
        Api carol = Api.as("carol");
        log.stock.forEach((product, stock) -> {
            if (!product.contains(run)) {
                return;
            }
            Reply r = carol.get("products/" + product.substring("product-".length()) + after);
            Map<String, Object> inventory = r.status() == 200 ? r.json() : Map.of();
            if (r.status() != 200
                    || ((Number) inventory.get("onHand")).longValue() != stock[0]
                    || ((Number) inventory.get("reserved")).longValue() != stock[1]) {
                violations.add(product + ": on hand " + stock[0] + ", reserved " + stock[1] + " in the log, the API: "
                        + r.status() + " " + abbreviate(r.body(), 200));
            }
        });
        for (String user : USERS) {
            Reply r = Api.as(user).get("loyalty" + after);
            long points = log.points.getOrDefault("loyalty-" + user, 0L);
            if (r.status() != 200 || ((Number) r.json().get("points")).longValue() != points) {
                violations.add("loyalty of " + user + ": " + points + " in the log, the API: " + r.status() + " "
                        + abbreviate(r.body(), 200));
            }
        }
    }
}
