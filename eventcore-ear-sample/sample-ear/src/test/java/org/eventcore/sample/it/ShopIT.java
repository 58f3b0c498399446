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

/** The shop slice over real HTTP: orders reserve several products atomically; shipping discovers streams. */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShopIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final String run = "s" + System.nanoTime();
    private final Api carol = Api.as("carol");
    /** A clerk: adds stock and ships. */
    private final Api dora = Api.as("dora");

    private Map<String, Object> inventory(String sku, String after) {
        Reply r = carol.get("products/" + sku + "?after=" + after);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static int number(Object json) {
        return ((Number) json).intValue();
    }

    @Test
    void an_order_reserves_every_product_in_one_command_or_none_and_shipping_credits_loyalty_points() {
        String apple = run + "-apple";
        String pear = run + "-pear";
        assertThat(dora.post("products/" + apple + "/stock", "{\"quantity\":10}")
                        .status())
                .isEqualTo(200);
        assertThat(dora.post("products/" + pear + "/stock", "{\"quantity\":3}").status())
                .isEqualTo(200);

        Reply placed =
                carol.post("orders", "{\"id\":\"" + run + "-o1\",\"lines\":{\"" + apple + "\":2,\"" + pear + "\":3}}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat((List<?>) placed.json().get("events"))
                .as("a reservation on each product and the order, in one command")
                .hasSize(3);

        Reply tooMuch =
                carol.post("orders", "{\"id\":\"" + run + "-o2\",\"lines\":{\"" + apple + "\":1,\"" + pear + "\":1}}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat((String) tooMuch.json().get("detail"))
                .contains("only 0 of product-" + pear + " available, 1 ordered");
        assertThat(inventory(apple, placed.position()))
                .as("the rejected order reserved nothing, not even the apple it could have had")
                .containsEntry("reserved", java.math.BigDecimal.valueOf(2));

        Reply shipped = dora.post("orders/" + run + "-o1/shipment", "{}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        List<Object> streams = ((List<?>) shipped.json().get("events"))
                .stream()
                        .map(e -> ((Map<?, ?>) e).get("stream"))
                        .map(Object.class::cast)
                        .toList();
        assertThat(streams)
                .as("streams discovered from the order: its products and the customer's loyalty stream")
                .containsExactlyInAnyOrder(
                        "product-" + apple, "product-" + pear, "order-" + run + "-o1", "loyalty-carol");
        Map<String, Object> appleStock = inventory(apple, shipped.position());
        assertThat(number(appleStock.get("onHand"))).isEqualTo(8);
        assertThat(number(appleStock.get("reserved"))).isZero();
        assertThat(number(inventory(pear, shipped.position()).get("available"))).isZero();
        Reply loyalty = carol.get("loyalty?after=" + shipped.position());
        assertThat(number(loyalty.json().get("points"))).isGreaterThanOrEqualTo(5);

        assertThat(carol.post("orders/" + run + "-o1/cancellation", "{}").status())
                .as("a shipped order cannot be cancelled")
                .isEqualTo(422);
    }

    @Test
    void cancelling_an_order_releases_its_reservations() {
        String plum = run + "-plum";
        assertThat(dora.post("products/" + plum + "/stock", "{\"quantity\":4}").status())
                .isEqualTo(200);
        Reply placed = carol.post("orders", "{\"id\":\"" + run + "-o3\",\"lines\":{\"" + plum + "\":4}}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(number(inventory(plum, placed.position()).get("available"))).isZero();

        Reply cancelled = carol.post("orders/" + run + "-o3/cancellation", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(number(inventory(plum, cancelled.position()).get("available")))
                .isEqualTo(4);
    }
}
