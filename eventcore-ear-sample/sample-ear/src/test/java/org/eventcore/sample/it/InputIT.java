package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the API accepts: amounts and quantities exact and bounded (a 400 naming the field and the limit,
 * never a converted number), JSON bodies strict (no duplicate or unknown keys), ids valid, state changes
 * only with a JSON content type, every response with {@code nosniff}, and no response carrying SQL, class
 * names or stack traces.
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InputIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final String run = "i" + System.nanoTime();
    private final Api alice = Api.as("alice");
    private final Api dora = Api.as("dora");
    private final List<Reply> replies = new ArrayList<>();

    private Reply keep(Reply reply) {
        replies.add(reply);
        return reply;
    }

    private static void assertBadRequest(Reply reply, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat((String) reply.json().get("detail")).contains(detail);
    }

    @AfterEach
    void no_answer_carried_internal_detail() {
        for (Reply r : replies) {
            assertThat(r.body())
                    .as("an answer of the API")
                    .doesNotContain("org.", "java.", "jakarta.", "SQL", "Exception", "\tat ", "ec_", "select ");
        }
    }

    @Test
    void an_amount_is_an_exact_whole_number_within_the_limit_and_never_converted() {
        String id = "alice-" + run;
        assertThat(keep(alice.post("accounts", "{\"id\":\"" + id + "\"}")).status())
                .isEqualTo(201);
        String deposits = "accounts/" + id + "/deposits";
        String whole = "the field \"cents\" must be a whole number from -9223372036854775808 to 9223372036854775807";
        for (String cents :
                List.of("9223372036854775808", "18446744073709551716", "1.5", "1.0", "1e2", "\"100\"", "true", "{}")) {
            assertBadRequest(keep(alice.post(deposits, "{\"cents\":" + cents + "}")), whole);
        }
        // a whole number reaches the command, whose Bean Validation constraints hold the limits
        String positive = "cents: must be greater than 0";
        String atMost = "cents: must be less than or equal to 1000000000";
        for (Map.Entry<String, String> c : Map.of(
                        "9223372036854775807",
                        atMost,
                        "4294967299",
                        atMost,
                        "1000000001",
                        atMost,
                        "-5",
                        positive,
                        "0",
                        positive)
                .entrySet()) {
            Reply refused = keep(alice.post(deposits, "{\"cents\":" + c.getKey() + "}"));
            assertBadRequest(refused, c.getValue());
            assertThat(refused.json())
                    .as("the violation named in the problem's violations")
                    .containsEntry("title", "Invalid input")
                    .containsEntry(
                            "violations",
                            List.of(Map.of(
                                    "property", "cents", "message", c.getValue().substring("cents: ".length()))));
        }
        Reply transfer = keep(alice.post("transfers", "{\"from\":\"" + id + "\",\"to\":\"" + id + "\",\"cents\":0}"));
        assertBadRequest(transfer, positive);
        assertBadRequest(keep(alice.post(deposits, "{\"cents\":[1]}")), "the field \"cents\" must not be an array");
        Reply exact = keep(alice.post(deposits, "{\"cents\":1000000000}"));
        assertThat(exact.status()).as(exact.body()).isEqualTo(200);
        Reply balance = keep(alice.get("accounts/" + id + "?after=" + exact.position()));
        assertThat(((Number) balance.json().get("cents")).longValue())
                .as("only the one valid deposit, of exactly the amount sent")
                .isEqualTo(1_000_000_000L);
    }

    @Test
    void a_quantity_is_bounded_and_an_order_has_a_limited_number_of_lines() {
        assertBadRequest(
                keep(dora.post("products/" + run + "/stock", "{\"quantity\":2147483647}")),
                "the field \"quantity\" must be a whole number from 1 to 100000");
        assertBadRequest(
                keep(dora.post("products/" + run + "/stock", "{\"quantity\":2147483648}")),
                "the field \"quantity\" must be a whole number from 1 to 100000");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            lines.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":1");
        }
        Reply huge = keep(alice.post("orders", "{\"id\":\"" + run + "\",\"lines\":{" + lines + "}}"));
        assertThat(huge.status()).as(huge.body()).isIn(400, 413);
        Reply many = keep(alice.post(
                "orders",
                "{\"id\":\"" + run + "\",\"lines\":{" + lines.substring(0, lines.indexOf("\"p51\"") - 1) + "}}"));
        assertBadRequest(many, "the field \"lines\" needs 1 to 50 entries, has 51");
        assertBadRequest(
                keep(alice.post("orders", "{\"id\":\"" + run + "\",\"lines\":{\"apple\":1.5}}")),
                "the field \"lines.apple\" must be a whole number from 1 to 100000");
    }

    @Test
    void a_body_with_a_key_twice_or_an_unknown_key_is_refused() {
        String id = "alice-" + run;
        assertThat(keep(alice.post("accounts", "{\"id\":\"" + id + "\"}")).status())
                .isEqualTo(201);
        assertBadRequest(
                keep(alice.post("accounts/" + id + "/deposits", "{\"cents\":1,\"cents\":1000}")),
                "the field \"cents\" is given twice");
        assertBadRequest(
                keep(alice.post("accounts/" + id + "/deposits", "{\"cents\":1,\"note\":\"x\"}")),
                "unknown field \"note\"");
        assertBadRequest(keep(alice.post("accounts/" + id + "/deposits", "[1]")), "must be a JSON object");
        assertBadRequest(keep(alice.post("accounts/" + id + "/deposits", "{\"cents\":1} {}")), "not valid JSON");
    }

    @Test
    void blank_and_invalid_ids_are_refused_and_the_location_header_is_the_id() {
        for (String id : List.of("", "   ", "ALICE-1", "alice/1", "alice-1%2f..", "alice\\u0000")) {
            assertBadRequest(
                    keep(alice.post("accounts", "{\"id\":\"" + id + "\"}")), "an account id is 1 to 63 lowercase");
        }
        String id = "alice-" + run;
        HttpResponse<String> created = alice.exchange(HttpRequest.newBuilder(URI.create(Api.base() + "accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/eventcore-sample/api/accounts/" + id));
    }

    @Test
    void a_state_change_needs_a_json_content_type_and_every_answer_says_nosniff() {
        String id = "alice-" + run;
        assertThat(keep(alice.post("accounts", "{\"id\":\"" + id + "\"}")).status())
                .isEqualTo(201);
        Reply noType = keep(alice.postRaw("accounts/" + id + "/deposits", "{\"cents\":5}"));
        assertThat(noType.status()).as(noType.body()).isEqualTo(415);
        Reply form = keep(alice.postRaw(
                "accounts/" + id + "/deposits", "cents=5", "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(415);
        Reply text = keep(alice.postRaw("orders/" + run + "/cancellation", "", "Content-Type", "text/plain"));
        assertThat(text.status()).isEqualTo(415);

        for (HttpRequest.Builder request : List.of(
                HttpRequest.newBuilder(URI.create(Api.base() + "accounts")).GET(),
                HttpRequest.newBuilder(URI.create(Api.base() + "accounts/" + id + "/deposits"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"cents\":5}")),
                HttpRequest.newBuilder(URI.create(Api.base() + "nothing")).GET())) {
            HttpResponse<String> response = alice.exchange(request);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as("%s %s", response.request().method(), response.uri())
                    .contains("nosniff");
        }
        HttpResponse<String> anonymous = Api.anonymous()
                .exchange(HttpRequest.newBuilder(URI.create(Api.base() + "accounts"))
                        .GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
