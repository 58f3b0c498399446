package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The server's MicroProfile Health readiness endpoint, as the tests read it. */
final class ReadinessEndpoint {

    private ReadinessEndpoint() {}

    /** WildFly serves health on its management interface, Payara on its HTTP listener. */
    static URI uri() {
        return "payara".equals(System.getProperty("arquillian.launch"))
                ? URI.create(Api.base()).resolve("/health/ready")
                : URI.create("http://localhost:" + System.getProperty("wildfly.management.port") + "/health/ready");
    }

    /**
     * Asserts that the server is ready and has EventCore's check up; returns the check's data. The
     * response is printed: it is the text capture the Observability page shows.
     */
    static Map<String, Object> eventCoreCheck() throws IOException, InterruptedException {
        URI ready = uri();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        System.out.println("GET " + ready + ": " + response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> health = new Api.Reply(200, response.body()).json();
        assertThat(health).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) health.get("checks");
        Map<String, Object> eventcore = checks.stream()
                .filter(c -> "eventcore".equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named eventcore: " + checks));
        assertThat(eventcore).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) eventcore.get("data");
        assertThat(data).containsEntry("store", "UP").containsKey("store.head");
        return data;
    }

    /** Asserts that {@code projection}'s part of the check is up, with its state and lag. */
    static void assertProjectionUp(Map<String, Object> data, String projection) {
        assertThat(data)
                .containsEntry("projection." + projection, "UP")
                .containsKeys(
                        "projection." + projection + ".state",
                        "projection." + projection + ".checkpoint",
                        "projection." + projection + ".lagEvents",
                        "projection." + projection + ".lagMillis");
    }
}
