package org.eventcore.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page's own files hold nothing that would let data become markup or code: no HTML sink in the script, no
 * inline script, style or handler in the page (the Content-Security-Policy would refuse them anyway).
 */
class PageSafetyTest {

    private static String file(String name) throws IOException {
        try (InputStream in = ConsolePage.class.getResourceAsStream("/org/eventcore/console/page/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theScriptNeverParsesDataAsHtmlOrCode() throws IOException {
        String script = file("console.js");
        for (String sink : List.of(
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
                "eval(",
                "new Function",
                "createContextualFragment",
                "DOMParser",
                "srcdoc",
                "javascript:")) {
            assertThat(script).as("console.js must not use %s", sink).doesNotContain(sink);
        }
        assertThat(Pattern.compile("setTimeout\\(\\s*[\"'`]").matcher(script).find())
                .as("no string given to setTimeout")
                .isFalse();
        assertThat(script).contains("document.createTextNode(String(c))");
    }

    @Test
    void thePageHasNoInlineScriptStyleOrHandler() throws IOException {
        String page = file("index.html");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE)
                        .matcher(page)
                        .find())
                .isFalse();
        assertThat(page).doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("style=");
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(page)
                        .find())
                .isFalse();
    }

    @Test
    void thePolicyAllowsOnlyTheConsolesOwnFiles() {
        assertThat(SecurityHeaders.POLICY)
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }
}
