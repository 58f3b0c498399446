package org.eventcore.sample;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.scenario.CommandScenario.given;
import static org.eventcore.testkit.scenario.CommandScenario.givenNothing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.sample.banking.Accounts;
import org.eventcore.sample.banking.Deposit;
import org.eventcore.sample.banking.OpenAccount;
import org.eventcore.sample.banking.TransferMoney;
import org.eventcore.sample.banking.Withdraw;
import org.eventcore.sample.shop.AddStock;
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

/** The sample's rules, without a server: each command against given events, for a given caller. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleCommandsTest {

    private final StreamId alice = Accounts.stream("alice-1");
    private final StreamId bob = Accounts.stream("bob-1");
    private final StreamId apple = Shop.productStream("apple");
    private final StreamId pear = Shop.productStream("pear");
    private final StreamId order = Shop.orderStream("o-1");

    @Test
    void an_account_opens_once_for_the_caller_and_only_under_the_callers_name() {
        givenNothing().as("alice").when(new OpenAccount(alice)).thenEmitted(alice, new AccountOpened("alice"));
        given(alice, new AccountOpened("alice"))
                .as("alice")
                .when(new OpenAccount(alice))
                .thenRejectedWith("account account-alice-1 is already open");
        givenNothing()
                .as("bob")
                .when(new OpenAccount(Accounts.stream("carol-1")))
                .thenRejectedWith("an account id begins with its owner's name and a dash, like bob-1");
        givenNothing()
                .as("al")
                .when(new OpenAccount(Accounts.stream("alice-1")))
                .thenRejectedWith("like al-1");
        givenNothing().when(new OpenAccount(alice)).thenRejectedWith("an authenticated user is required");
    }

    @Test
    void nobody_spends_another_users_money() {
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .and(bob, new AccountOpened("bob"))
                .as("bob")
                .when(new TransferMoney(alice, bob, 60))
                .thenRejectedWith("account account-alice-1 is not open or not yours");
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .as("bob")
                .when(new Withdraw(alice, 60))
                .thenRejectedWith("account account-alice-1 is not open or not yours");
        given(alice, new AccountOpened("alice"))
                .as("bob")
                .when(new Deposit(alice, 60))
                .thenRejectedWith("account account-alice-1 is not open or not yours");
        givenNothing()
                .as("bob")
                .when(new Withdraw(alice, 60)) // the same answer whether the account exists or not
                .thenRejectedWith("account account-alice-1 is not open or not yours");
    }

    @Test
    void a_transfer_writes_both_accounts_and_never_overdraws() {
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .and(bob, new AccountOpened("bob"))
                .as("alice")
                .when(new TransferMoney(alice, bob, 60))
                .thenEmitted(alice, new MoneyWithdrawn(60))
                .thenEmitted(bob, new MoneyDeposited(60))
                .thenNothingElse();
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .and(bob, new AccountOpened("bob"))
                .as("alice")
                .when(new TransferMoney(alice, bob, 101))
                .thenRejectedWith("insufficient funds in account-alice-1: balance 100, asked 101");
        given(alice, new AccountOpened("alice"))
                .as("alice")
                .when(new TransferMoney(alice, bob, 1))
                .thenRejectedWith("account account-bob-1 is not open");
        given(alice, new AccountOpened("alice"), new MoneyDeposited(5))
                .as("alice")
                .when(new Withdraw(alice, 0))
                .thenRejectedWith("a withdrawal is 1 to 1000000000 cents, was 0");
    }

    @Test
    void no_amount_or_balance_overflows() {
        given(alice, new AccountOpened("alice"))
                .as("alice")
                .when(new Deposit(alice, Long.MAX_VALUE))
                .thenRejectedWith("a deposit is 1 to 1000000000 cents");
        given(alice, new AccountOpened("alice"), new MoneyDeposited(Limits.MAX_BALANCE_CENTS - 10))
                .as("alice")
                .when(new Deposit(alice, 11))
                .thenRejectedWith("account account-alice-1 would hold more than 1000000000000000 cents");
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .and(bob, new AccountOpened("bob"), new MoneyDeposited(Limits.MAX_BALANCE_CENTS))
                .as("alice")
                .when(new TransferMoney(alice, bob, 1))
                .thenRejectedWith("account account-bob-1 would hold more than");
        given(alice, new AccountOpened("alice"), new MoneyDeposited(100))
                .and(bob, new AccountOpened("bob"))
                .as("alice")
                .when(new TransferMoney(alice, bob, Long.MIN_VALUE))
                .thenRejectedWith("a transfer is 1 to 1000000000 cents");
        given(apple, new StockAdded(Limits.MAX_ON_HAND))
                .as("dora", Limits.CLERK)
                .when(new AddStock(apple, 1))
                .thenRejectedWith("product-apple would have more than 10000000 on hand");
        given(apple, new StockAdded(5))
                .as("dora", Limits.CLERK)
                .when(new AddStock(apple, Integer.MAX_VALUE))
                .thenRejectedWith("stock added is 1 to 100000");
    }

    @Test
    void stock_and_shipping_belong_to_the_clerks() {
        givenNothing().as("bob").when(new AddStock(apple, 5)).thenRejectedWith("only the role clerk may do this");
        givenNothing().as("dora", Limits.CLERK).when(new AddStock(apple, 5)).thenEmitted(apple, new StockAdded(5));
        given(apple, new StockAdded(5), new StockReserved(order.value(), 2))
                .and(order, new OrderPlaced("alice", Map.of(apple.value(), 2)))
                .as("carol")
                .when(new ShipOrder(order))
                .thenRejectedWith("only the role clerk may do this, and carol is not in it");
    }

    @Test
    void an_order_reserves_every_line_or_nothing() {
        given(apple, new StockAdded(5))
                .and(pear, new StockAdded(1))
                .as("carol")
                .when(new PlaceOrder(order, List.of(apple, pear), List.of(2, 1)))
                .thenEmitted(apple, new StockReserved(order.value(), 2))
                .thenEmitted(pear, new StockReserved(order.value(), 1))
                .thenEmitted(order, new OrderPlaced("carol", Map.of(apple.value(), 2, pear.value(), 1)))
                .thenNothingElse();
        given(apple, new StockAdded(5))
                .and(pear, new StockAdded(1))
                .as("carol")
                .when(new PlaceOrder(order, List.of(apple, pear), List.of(2, 2)))
                .thenRejectedWith("only 1 of product-pear available, 2 ordered");
        assertThatThrownBy(() -> new PlaceOrder(order, List.of(apple), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an order needs at least one line, and a quantity for each product");
        assertThatThrownBy(() -> new PlaceOrder(
                        order, Collections.nCopies(51, apple).stream().toList(), Collections.nCopies(51, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an order has at most 50 lines, this one has 51");
    }

    @Test
    void shipping_discovers_the_products_and_the_customers_loyalty_stream_from_the_order() {
        StreamId loyalty = Shop.loyaltyStream("carol");
        given(apple, new StockAdded(5), new StockReserved(order.value(), 2))
                .and(order, new OrderPlaced("carol", Map.of(apple.value(), 2)))
                .as("dora", Limits.CLERK)
                .when(new ShipOrder(order))
                .thenEmitted(apple, new StockShipped(order.value(), 2))
                .thenEmitted(order, new OrderShipped("carol"))
                .thenEmitted(loyalty, new PointsEarned(order.value(), 2))
                .thenNothingElse();
        given(order, new OrderPlaced("carol", Map.of(apple.value(), 2)), new OrderShipped("carol"))
                .as("carol")
                .when(new CancelOrder(order))
                .thenRejectedWith("order order-o-1 cannot be cancelled: it is SHIPPED");
        givenNothing()
                .as("dora", Limits.CLERK)
                .when(new ShipOrder(order))
                .thenRejectedWith("order order-o-1 cannot be shipped: it is NONE");
    }

    @Test
    void an_order_is_cancelled_by_its_customer_or_a_clerk_and_releases_its_reservations() {
        given(apple, new StockAdded(5), new StockReserved(order.value(), 2))
                .and(order, new OrderPlaced("carol", Map.of(apple.value(), 2)))
                .as("carol")
                .when(new CancelOrder(order))
                .thenEmitted(apple, new StockReleased(order.value(), 2))
                .thenEmitted(order, new OrderCancelled("carol"))
                .thenNothingElse();
        given(apple, new StockAdded(5), new StockReserved(order.value(), 2))
                .and(order, new OrderPlaced("carol", Map.of(apple.value(), 2)))
                .as("bob")
                .when(new CancelOrder(order))
                .thenRejectedWith("order order-o-1 does not exist or is not yours");
        given(apple, new StockAdded(5), new StockReserved(order.value(), 2))
                .and(order, new OrderPlaced("carol", Map.of(apple.value(), 2)))
                .as("dora", Limits.CLERK)
                .when(new CancelOrder(order))
                .thenEmitted(order, new OrderCancelled("carol"));
    }
}
