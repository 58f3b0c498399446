package org.eventcore.sample.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Real HTTP calls to the deployed sample, as one of its users. */
public final class Api {

    /**
     * Where the sample's REST API is: {@code sample.base.url}, which {@link ServerEnvironment} sets to
     * the server's free port before the first test.
     */
    public static String base() {
        String base = System.getProperty("sample.base.url");
        if (base == null) {
            throw new IllegalStateException("sample.base.url is not set: register ServerEnvironment before Arquillian");
        }
        return base;
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Jsonb JSON = JsonbBuilder.create();

    private final String authorization;

    private Api(String authorization) {
        this.authorization = authorization;
    }

    /** Calls as {@code user} with {@code password} (HTTP Basic). */
    public static Api as(String user, String password) {
        return new Api("Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Calls as one of the sample's users, whose password is {@code <name>-secret}. */
    public static Api as(String user) {
        return as(user, user + "-secret");
    }

    /** Calls without credentials. */
    public static Api anonymous() {
        return new Api(null);
    }

    /** A response: status and body, with the body parsed as JSON on demand. */
    public record Reply(int status, String body) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return JSON.fromJson(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonList() {
            return JSON.fromJson(body, List.class);
        }

        public String position() {
            return (String) json().get("position");
        }
    }

    /** The global position behind a position token of the API ({@code p} and base64url of the encoded position). */
    public static org.eventcore.GlobalPosition positionOf(String token) {
        return org.eventcore.GlobalPosition.decode(new String(
                java.util.Base64.getUrlDecoder().decode(token.substring(1)),
                java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A POST with a raw body and no Content-Type unless {@code headers} give one. */
    public Reply postRaw(String path, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** A request of any method, for the tests of what the API refuses. */
    public HttpResponse<String> exchange(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, String json, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .header("Content-Type", "application/json"),
                headers);
    }

    public Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), headers);
    }

    private Reply send(HttpRequest.Builder request, String... headers) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sample's EAR as the build packaged it. */
    public static org.jboss.shrinkwrap.api.spec.EnterpriseArchive ear() {
        return org.jboss.shrinkwrap.api.ShrinkWrap.createFromZipFile(
                org.jboss.shrinkwrap.api.spec.EnterpriseArchive.class,
                new java.io.File(System.getProperty("sample.ear", "target/eventcore-sample.ear")));
    }
}
