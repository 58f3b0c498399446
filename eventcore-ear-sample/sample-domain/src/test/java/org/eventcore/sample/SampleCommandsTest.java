package org.eventcore.sample;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.scenario.CommandScenario.given;
import static org.eventcore.testkit.scenario.CommandScenario.givenNothing;

import java.util.List;
import java.util.Map;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.sample.banking.Accounts;
import org.eventcore.sample.banking.OpenAccount;
import org.eventcore.sample.banking.TransferMoney;
import org.eventcore.sample.banking.Withdraw;
import org.eventcore.sample.shop.CancelOrder;
import org.eventcore.sample.shop.PlaceOrder;
import org.eventcore.sample.shop.ShipOrder;
import org.eventcore.sample.shop.Shop;
import org.eventcore.sample.shop.ShopEvent.OrderCancelled;
import org.eventcore.sample.shop.ShopEvent.OrderPlaced;
import org.eventcore.sample.shop.ShopEvent.OrderShipped;
import org.eventcore.sample.shop.ShopEvent.PointsEarned;
import org.eventcore.sample.shop.ShopEvent.StockAdded;
import org.eventcore.sample.shop.ShopEvent.StockReleased;
import org.eventcore.sample.shop.ShopEvent.StockReserved;
import org.eventcore.sample.shop.ShopEvent.StockShipped;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The sample's rules, without a server: each command against given events. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleCommandsTest {

    private final StreamId alice = Accounts.stream("alice");
    private final StreamId bob = Accounts.stream("bob");
    private final StreamId apple = Shop.productStream("apple");
    private final StreamId pear = Shop.productStream("pear");
    private final StreamId order = Shop.orderStream("o-1");

    @Test
    void an_account_opens_once() {
        givenNothing().when(new OpenAccount(alice, "alice")).thenEmitted(alice, new AccountOpened("alice"));
        given(alice, new AccountOpened("alice"))
                .when(new OpenAccount(alice, "mallory"))
                .thenRejectedWith("account account-alice is already open");
    }

    @Test
    void a_transfer_writes_both_accounts_and_never_overdraws() {
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .and(bob, new AccountOpened("bob"))
                .when(new TransferMoney(alice, bob, 60))
                .thenEmitted(alice, new MoneyWithdrawn(60))
                .thenEmitted(bob, new MoneyDeposited(60))
                .thenNothingElse();
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .and(bob, new AccountOpened("bob"))
                .when(new TransferMoney(alice, bob, 101))
                .thenRejectedWith("insufficient funds in account-alice: balance 100, asked 101");
        given(alice, new AccountOpened("alice"))
                .when(new TransferMoney(alice, bob, 1))
                .thenRejectedWith("account account-bob is not open");
        given(alice, new AccountOpened("alice"), new MoneyDeposited(5))
                .when(new Withdraw(alice, 0))
                .thenRejectedWith("a withdrawal must be more than zero");
    }

    @Test
    void an_order_reserves_every_line_or_nothing() {
        given(apple, new StockAdded(5))
                .and(pear, new StockAdded(1))
                .when(new PlaceOrder(order, "carol", List.of(apple, pear), List.of(2, 1)))
                .thenEmitted(apple, new StockReserved(order.value(), 2))
                .thenEmitted(pear, new StockReserved(order.value(), 1))
                .thenEmitted(order, new OrderPlaced("carol", Map.of(apple.value(), 2, pear.value(), 1)))
                .thenNothingElse();
        given(apple, new StockAdded(5))
                .and(pear, new StockAdded(1))
                .when(new PlaceOrder(order, "carol", List.of(apple, pear), List.of(2, 2)))
                .thenRejectedWith("only 1 of product-pear available, 2 ordered");
        assertThatThrownBy(() -> new PlaceOrder(order, "carol", List.of(apple), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an order needs at least one line, and a quantity for each product");
    }

    @Test
    void shipping_discovers_the_products_and_the_customers_loyalty_stream_from_the_order() {
        StreamId loyalty = Shop.loyaltyStream("carol");
        given(apple, new StockAdded(5), new StockReserved(order.value(), 2))
                .and(order, new OrderPlaced("carol", Map.of(apple.value(), 2)))
                .when(new ShipOrder(order))
                .thenEmitted(apple, new StockShipped(order.value(), 2))
                .thenEmitted(order, new OrderShipped("carol"))
                .thenEmitted(loyalty, new PointsEarned(order.value(), 2))
                .thenNothingElse();
        given(order, new OrderPlaced("carol", Map.of(apple.value(), 2)), new OrderShipped("carol"))
                .when(new CancelOrder(order))
                .thenRejectedWith("order order-o-1 cannot be cancelled: it is SHIPPED");
        givenNothing().when(new ShipOrder(order)).thenRejectedWith("order order-o-1 cannot be shipped: it is NONE");
    }

    @Test
    void cancelling_releases_the_reservations() {
        given(apple, new StockAdded(5), new StockReserved(order.value(), 2))
                .and(order, new OrderPlaced("carol", Map.of(apple.value(), 2)))
                .when(new CancelOrder(order))
                .thenEmitted(apple, new StockReleased(order.value(), 2))
                .thenEmitted(order, new OrderCancelled("carol"))
                .thenNothingElse();
    }
}
