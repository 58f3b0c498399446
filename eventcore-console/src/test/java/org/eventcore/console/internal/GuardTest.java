package org.eventcore.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardTest {

    private static HttpServletRequest request(String scheme, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                GuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getHeader" -> headers.get((String) a[0]);
                    case "getScheme" -> scheme;
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 8080;
                    default -> null;
                });
    }

    @Test
    void anOriginIsTheRequestsOwnOnlyWithTheSameSchemeHostAndPort() {
        HttpServletRequest r = request("http", Map.of("Host", "console.example:8080"));
        assertThat(Guard.sameOrigin("http://console.example:8080", r)).isTrue();
        assertThat(Guard.sameOrigin("https://console.example:8080", r)).isFalse();
        assertThat(Guard.sameOrigin("http://console.example:8081", r)).isFalse();
        assertThat(Guard.sameOrigin("http://evil.example:8080", r)).isFalse();
        assertThat(Guard.sameOrigin("null", r)).isFalse();
        assertThat(Guard.sameOrigin("http://console.example:8080.evil.example", r))
                .isFalse();
        HttpServletRequest defaultPort = request("https", Map.of("Host", "console.example"));
        assertThat(Guard.sameOrigin("https://console.example", defaultPort)).isTrue();
        assertThat(Guard.sameOrigin("https://console.example:443", defaultPort)).isTrue();
        assertThat(Guard.sameOrigin("http://console.example", defaultPort)).isFalse();
    }
}
