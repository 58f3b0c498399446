package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Credentials the API cannot read are answered like wrong ones: 401 with a Basic challenge and the API's
 * problem JSON, never a 500 with the server's HTML stack trace, and without an error in the server's log.
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformed_missing_and_wrong_credentials_get_401_with_problem_json() throws Exception {
        Path log = System.getProperty("jboss.home") == null
                ? null
                : Path.of(System.getProperty("jboss.home"), "standalone/log/server.log");
        long logBefore = log != null && Files.exists(log) ? Files.size(log) : 0;
        for (String header : List.of(
                basic("alice:"),
                basic(":alice-secret"),
                basic("alice"),
                "Basic %%%not-base64%%%",
                "Basic",
                "Bearer abc",
                basic("alice:wrong"),
                basic("mallory:mallory-secret"))) {
            HttpResponse<String> response = Api.anonymous()
                    .exchange(HttpRequest.newBuilder(URI.create(Api.base() + "accounts"))
                            .header("Authorization", header)
                            .GET());
            assertThat(response.statusCode())
                    .as("%s: %s", header, response.body())
                    .isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("Basic realm=\"eventcore-sample\""));
            assertThat(response.body()).contains("\"status\":401").doesNotContain("<html", "Exception");
        }
        HttpResponse<String> none = Api.anonymous()
                .exchange(HttpRequest.newBuilder(URI.create(Api.base() + "accounts"))
                        .GET());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("needs HTTP Basic credentials");
        if (log != null) {
            String written = Files.readString(log).substring((int) Math.min(logBefore, Files.size(log)));
            assertThat(written).as("the server's log during these requests").doesNotContain(" ERROR ");
        }
    }
}
