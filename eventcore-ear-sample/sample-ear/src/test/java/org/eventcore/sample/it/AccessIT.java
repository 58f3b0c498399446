package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, over HTTP: owners are enforced by the commands from the authenticated user, stock and
 * shipping belong to the clerks, users see their own accounts and a clerk sees all. Each of these was
 * possible for anyone before (the security review of the sample).
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccessIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final String run = "x" + System.nanoTime();
    private final Api alice = Api.as("alice");
    private final Api bob = Api.as("bob");
    private final Api carol = Api.as("carol");
    private final Api dora = Api.as("dora");

    private String aliceWithMoney() {
        String id = "alice-" + run;
        assertThat(alice.post("accounts", "{\"id\":\"" + id + "\"}").status()).isEqualTo(201);
        assertThat(alice.post("accounts/" + id + "/deposits", "{\"cents\":10000}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    private String bobs() {
        String id = "bob-" + run;
        assertThat(bob.post("accounts", "{\"id\":\"" + id + "\"}").status()).isEqualTo(201);
        return id;
    }

    private static void assertRejected(Reply reply, String rule) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat((String) reply.json().get("detail")).contains(rule);
    }

    @Test
    void nobody_spends_opens_or_fills_another_users_account() {
        String alices = aliceWithMoney();
        String bobs = bobs();

        assertRejected(
                bob.post("transfers", "{\"from\":\"" + alices + "\",\"to\":\"" + bobs + "\",\"cents\":100}"),
                "account account-" + alices + " is not open or not yours");
        assertRejected(
                bob.post("accounts/" + alices + "/withdrawals", "{\"cents\":100}"),
                "account account-" + alices + " is not open or not yours");
        assertRejected(
                bob.post("accounts/" + alices + "/deposits", "{\"cents\":100}"),
                "account account-" + alices + " is not open or not yours");
        assertRejected(
                bob.post("accounts", "{\"id\":\"carol-" + run + "\"}"),
                "an account id begins with its owner's name and a dash, like bob-1");
        Reply rejected = bob.post("transfers", "{\"from\":\"" + alices + "\",\"to\":\"" + bobs + "\",\"cents\":100}");
        assertThat(rejected.body())
                .as("the rejection tells bob nothing of alice's balance")
                .doesNotContain("10000");

        Reply mine = alice.post("transfers", "{\"from\":\"" + alices + "\",\"to\":\"" + bobs + "\",\"cents\":100}");
        assertThat(mine.status()).as("the owner may: %s", mine.body()).isEqualTo(200);
        Reply balance = alice.get("accounts/" + alices + "?after=" + mine.position());
        assertThat(((Number) balance.json().get("cents")).longValue())
                .as("nothing left alice's account but her own transfer")
                .isEqualTo(9900);
    }

    @Test
    void orders_belong_to_their_customers_and_stock_and_shipping_to_the_clerks() {
        String apple = run + "-apple";
        assertRejected(
                carol.post("products/" + apple + "/stock", "{\"quantity\":5}"), "only the role clerk may do this");
        assertThat(dora.post("products/" + apple + "/stock", "{\"quantity\":5}").status())
                .isEqualTo(200);
        Reply placed = alice.post("orders", "{\"id\":\"" + run + "-o\",\"lines\":{\"" + apple + "\":1}}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.body()).contains("\"user\":\"alice\"");

        assertRejected(bob.post("orders/" + run + "-o/cancellation", "{}"), "does not exist or is not yours");
        assertRejected(carol.post("orders/" + run + "-o/shipment", "{}"), "only the role clerk may do this");
        Reply shipped = dora.post("orders/" + run + "-o/shipment", "{}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.body()).as("the loyalty points are the customer's").contains("loyalty-alice");
    }

    @Test
    void users_see_their_own_accounts_statements_and_notifications_and_a_clerk_sees_all() {
        String alices = aliceWithMoney();
        String bobs = bobs();
        Reply out = alice.post("accounts/" + alices + "/withdrawals", "{\"cents\":300}");
        assertThat(out.status()).isEqualTo(200);
        String after = "?after=" + out.position();

        List<?> bobSees = (List<?>) bob.get("accounts" + after).json().get("accounts");
        assertThat(bobSees)
                .extracting(x -> (Object) ((Map<?, ?>) x).get("owner"))
                .containsOnly("bob");
        assertThat(bob.get("accounts/" + alices + after).status())
                .as("another user's account answers like one that does not exist")
                .isEqualTo(404);
        assertThat(bob.get("accounts/" + alices + "/statement" + after).status())
                .isEqualTo(404);
        assertThat(bob.get("accounts/nobody-" + run).status()).isEqualTo(404);
        assertThat(bob.get("notifications").body()).doesNotContain(alices);
        assertThat(alice.get("notifications").body()).contains(alices);

        List<?> doraSees = (List<?>) dora.get("accounts" + after).json().get("accounts");
        assertThat(doraSees)
                .extracting(x -> (Object) ((Map<?, ?>) x).get("account"))
                .contains("account-" + alices, "account-" + bobs);
        assertThat(dora.get("accounts/" + alices + "/statement" + after).status())
                .isEqualTo(200);
        assertThat(dora.get("notifications").body()).contains(alices);
        assertThat(bob.get("projections").status()).as("operators only").isEqualTo(403);
        assertThat(dora.get("projections").status()).isEqualTo(200);
    }
}
