package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eventcore.sample.it.Api.Reply;
import org.eventcore.sample.it.console.ConsoleEar;
import org.eventcore.sample.it.console.Hostile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's REST resources in the sample, on WildFly and on Payara: who may read and change, protection against
 * cross-site requests, the log, a command, an event whole, the projections and their changes carried out by the
 * lease holder, hostile text kept as it is, the security headers.
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsoleIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ConsoleEar.ear();
    }

    private final String run = "c" + System.nanoTime();

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(Api as, String path) {
        return as.exchange(HttpRequest.newBuilder(URI.create(ConsoleEar.api() + path))
                .header("Accept", "application/json")
                .GET());
    }

    private static HttpResponse<String> post(Api as, String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ConsoleEar.api() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return as.exchange(b);
    }

    private static Reply reply(HttpResponse<String> r) {
        return new Reply(r.statusCode(), r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Reply r) {
        return (List<Map<String, Object>>) r.json().get("events");
    }

    @Test
    void nobody_without_a_console_role_sees_anything() {
        assertThat(get(Api.anonymous(), "me").statusCode()).isEqualTo(401);
        assertThat(get(Api.anonymous(), "log").statusCode()).isEqualTo(401);
        assertThat(get(Api.as("alice"), "me").statusCode()).isEqualTo(403);
        assertThat(get(Api.as("alice"), "log").statusCode()).isEqualTo(403);
        assertThat(get(Api.as("alice"), "projections").statusCode()).isEqualTo(403);
        HttpResponse<String> page = Api.as("alice")
                .exchange(HttpRequest.newBuilder(URI.create(ConsoleEar.page() + "index.html"))
                        .GET());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("console.js");
        assertThat(post(
                                Api.as("alice"),
                                "projections/hostile-skips/controls",
                                "{\"action\":\"pause\"}",
                                "X-EventCore-Console",
                                "1")
                        .statusCode())
                .isEqualTo(403);

        Reply vera = reply(get(Api.as("vera"), "me"));
        assertThat(vera.status()).isEqualTo(200);
        assertThat(vera.json()).containsEntry("user", "vera").containsEntry("operator", false);
        assertThat(reply(get(Api.as("dora"), "me")).json()).containsEntry("operator", true);
    }

    @Test
    void the_page_and_every_answer_carry_the_security_headers_and_the_page_is_served_from_the_jar() {
        HttpResponse<String> page = Api.as("vera")
                .exchange(HttpRequest.newBuilder(URI.create(ConsoleEar.page())).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"console.js\" defer></script>");
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        for (HttpResponse<String> r : List.of(page, get(Api.as("vera"), "log"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'none'")
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        }
        HttpResponse<String> script = Api.as("vera")
                .exchange(HttpRequest.newBuilder(URI.create(ConsoleEar.page() + "console.js"))
                        .GET());
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(Api.as("vera")
                        .exchange(HttpRequest.newBuilder(URI.create(ConsoleEar.page() + "../WEB-INF/web.xml"))
                                .GET())
                        .statusCode())
                .isIn(400, 403, 404);
        assertThat(Api.as("vera")
                        .exchange(HttpRequest.newBuilder(URI.create(ConsoleEar.page() + "secret.txt"))
                                .GET())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_resources_answer_only_under_the_consoles_own_application() {
        // the sample's Application lists no classes, so its /api publishes the console's resources too: refused there
        assertThat(Api.as("alice").get("log").status()).isEqualTo(404);
        assertThat(Api.as("alice").get("me").status()).isEqualTo(404);
    }

    @Test
    void a_transfer_is_found_by_its_command_with_both_events_and_an_event_shows_its_payload_metadata_and_command() {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        String from = "alice-" + run;
        String to = "bob-" + run;
        assertThat(alice.post("accounts", "{\"id\":\"" + from + "\"}").status()).isEqualTo(201);
        assertThat(bob.post("accounts", "{\"id\":\"" + to + "\"}").status()).isEqualTo(201);
        assertThat(alice.post("accounts/" + from + "/deposits", "{\"cents\":500}")
                        .status())
                .isEqualTo(200);
        Reply transfer = alice.post("transfers", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"cents\":120}");
        assertThat(transfer.status()).isEqualTo(200);
        String command = (String) transfer.json().get("commandId");

        Reply written = reply(get(Api.as("vera"), "log/command?id=" + q(command)));
        assertThat(written.status()).isEqualTo(200);
        assertThat(events(written))
                .extracting(e -> e.get("streamId"))
                .containsExactly("account-" + from, "account-" + to);
        String eventId = (String) events(written).get(1).get("eventId");

        Reply event = reply(get(Api.as("vera"), "log/event?id=" + q(eventId)));
        assertThat(event.status()).isEqualTo(200);
        Map<String, Object> json = event.json();
        assertThat(json).containsEntry("streamId", "account-" + to).containsEntry("commandId", command);
        assertThat(json).containsEntry("type", "sample.MoneyDeposited").containsEntry("user", "alice");
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) json.get("current");
        assertThat((String) current.get("text")).contains("\"cents\": 120");
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) json.get("stored");
        assertThat(stored).containsEntry("format", "json");
        assertThat((List<?>) json.get("commandEvents")).hasSize(2);

        // the log filtered: a stream id prefix, an event type, a correlation id
        Reply mine = reply(get(Api.as("vera"), "log?prefix=" + q("account-alice-" + run)));
        assertThat(events(mine))
                .extracting(e -> ((Number) e.get("version")).intValue())
                .containsExactly(3, 2, 1);
        Reply deposits = reply(get(
                Api.as("vera"), "log?prefix=" + q("account-") + "&type=" + q("sample.MoneyDeposited") + "&limit=5"));
        assertThat(events(deposits))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsEntry("type", "sample.MoneyDeposited"));
        Reply stream = reply(get(Api.as("vera"), "log?stream=" + q("account-" + to)));
        assertThat(events(stream))
                .extracting(e -> ((Number) e.get("version")).intValue())
                .containsExactly(2, 1);
        assertThat(stream.json().get("next")).isNull();
    }

    @Test
    void bad_input_is_refused_with_what_is_wrong() {
        Reply limit = reply(get(Api.as("vera"), "log?limit=0"));
        assertThat(limit.status()).isEqualTo(400);
        assertThat((String) limit.json().get("error")).startsWith("EC1016");
        Reply before = reply(get(Api.as("vera"), "log?before=" + q("<nope>")));
        assertThat(before.status()).isEqualTo(400);
        Reply from = reply(get(Api.as("vera"), "log?from=yesterday"));
        assertThat(from.status()).isEqualTo(400);
        assertThat((String) from.json().get("error")).contains("2026-12-05T10:15:30Z");
        assertThat(get(Api.as("vera"), "log/event?id=" + q("no-such-event")).statusCode())
                .isEqualTo(404);
        assertThat(get(Api.as("vera"), "log/command?id=").statusCode()).isEqualTo(400);
        assertThat(get(Api.as("vera"), "projections/" + q("no-such")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void hostile_text_in_a_stream_id_a_payload_metadata_and_an_error_comes_back_as_it_was_written() throws Exception {
        Reply written = Api.as("alice").post("test-console/hostile/" + run, "{}");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        String eventId = (String) written.json().get("eventId");
        Reply event = reply(get(Api.as("vera"), "log/event?id=" + q(eventId)));
        assertThat(event.status()).isEqualTo(200);
        assertThat((String) event.json().get("streamId")).endsWith(Hostile.STREAM);
        assertThat(event.body()).contains("window.__xss");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) event.json().get("metadata");
        assertThat((List<?>) metadata.get("entries"))
                .singleElement()
                .satisfies(e -> assertThat(e).isEqualTo(Map.of("key", "note", "value", Hostile.METADATA)));
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) event.json().get("current");
        assertThat((String) current.get("text")).contains("window.__xss='payload'");

        long deadline = System.nanoTime() + 30_000_000_000L;
        Map<String, Object> skipped = null;
        while (System.nanoTime() < deadline) {
            Reply p = reply(get(Api.as("vera"), "projections/hostile-skips"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list =
                    (List<Map<String, Object>>) p.json().get("skipped");
            skipped = list.stream()
                    .filter(s -> eventId.equals(s.get("eventId")))
                    .findFirst()
                    .orElse(null);
            if (skipped != null) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(skipped).as("the hostile event is skipped and recorded").isNotNull();
        assertThat((String) skipped.get("error")).contains(Hostile.ERROR).contains(Hostile.PAYLOAD);
    }

    @Test
    void a_change_needs_the_operator_the_pages_header_and_the_same_origin_and_is_carried_out_and_recorded()
            throws Exception {
        String path = "projections/hostile-skips/controls";
        assertThat(post(Api.as("vera"), path, "{\"action\":\"pause\"}", "X-EventCore-Console", "1")
                        .statusCode())
                .as("a viewer")
                .isEqualTo(403);
        HttpResponse<String> noHeader = post(Api.as("dora"), path, "{\"action\":\"pause\"}");
        assertThat(noHeader.statusCode())
                .as("no console header: a cross-site form")
                .isEqualTo(403);
        assertThat(noHeader.body()).contains("X-EventCore-Console");
        assertThat(post(
                                Api.as("dora"),
                                path,
                                "{\"action\":\"pause\"}",
                                "X-EventCore-Console",
                                "1",
                                "Origin",
                                "http://evil.example")
                        .statusCode())
                .as("another origin")
                .isEqualTo(403);
        assertThat(post(
                                Api.as("dora"),
                                path,
                                "{\"action\":\"pause\"}",
                                "X-EventCore-Console",
                                "1",
                                "Sec-Fetch-Site",
                                "cross-site")
                        .statusCode())
                .as("a cross-site fetch")
                .isEqualTo(403);
        assertThat(post(Api.as("dora"), path, "{\"action\":\"explode\"}", "X-EventCore-Console", "1")
                        .statusCode())
                .isEqualTo(400);

        String origin = URI.create(ConsoleEar.page()).resolve("/").toString().replaceFirst("/$", "");
        HttpResponse<String> pause = post(
                Api.as("dora"),
                path,
                "{\"action\":\"pause\"}",
                "X-EventCore-Console",
                "1",
                "Origin",
                origin,
                "Sec-Fetch-Site",
                "same-origin");
        assertThat(pause.statusCode()).as(pause.body()).isEqualTo(202);
        long id = ((Number) new Reply(pause.statusCode(), pause.body()).json().get("id")).longValue();
        Map<String, Object> done = awaitSettled(id);
        assertThat(done).containsEntry("status", "done").containsEntry("requestedBy", "dora");
        assertThat((String) done.get("settledBy")).startsWith("node-");
        assertThat(reply(get(Api.as("vera"), "projections/hostile-skips")).json())
                .containsEntry("state", "PAUSED")
                .containsEntry("paused", true);

        HttpResponse<String> resume = post(Api.as("dora"), path, "{\"action\":\"resume\"}", "X-EventCore-Console", "1");
        long resumed =
                ((Number) new Reply(resume.statusCode(), resume.body()).json().get("id")).longValue();
        assertThat(awaitSettled(resumed)).containsEntry("status", "done");
        assertThat(reply(get(Api.as("vera"), "projections/hostile-skips")).json())
                .containsEntry("paused", false);

        HttpResponse<String> notFromThere = post(
                Api.as("dora"),
                "projections/balances/controls",
                "{\"action\":\"rebuild\",\"from\":\"1\"}",
                "X-EventCore-Console",
                "1");
        assertThat(notFromThere.statusCode()).isEqualTo(202);
        long refused = ((Number) new Reply(notFromThere.statusCode(), notFromThere.body())
                        .json()
                        .get("id"))
                .longValue();
        Map<String, Object> refusal = awaitSettled("balances", refused);
        assertThat(refusal).containsEntry("status", "refused");
        assertThat((String) refusal.get("outcome")).startsWith("EC1627").contains("from the start of the log only");
    }

    private static Map<String, Object> awaitSettled(long id) throws InterruptedException {
        return awaitSettled("hostile-skips", id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitSettled(String projection, long id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Reply p = reply(get(Api.as("vera"), "projections/" + projection));
            for (Map<String, Object> c : (List<Map<String, Object>>) p.json().get("controls")) {
                if (((Number) c.get("id")).longValue() == id && !"pending".equals(c.get("status"))) {
                    return c;
                }
            }
            assertThat(System.nanoTime())
                    .as("change " + id + " settled in time")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
