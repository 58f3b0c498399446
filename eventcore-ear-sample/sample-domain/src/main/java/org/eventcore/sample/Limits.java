package org.eventcore.sample;

/**
 * The bounds of every amount and quantity in the sample: the REST API refuses anything outside them
 * before a command is built (400, naming the field and the limit), and the commands check them again,
 * so that no sum in the domain can overflow whatever a caller sends.
 */
public final class Limits {

    /** The largest amount one deposit, withdrawal or transfer moves: EUR 10,000,000.00. */
    public static final long MAX_AMOUNT_CENTS = 1_000_000_000L;

    /** The largest balance an account may hold: EUR 10,000,000,000,000.00. */
    public static final long MAX_BALANCE_CENTS = 1_000_000_000_000_000L;

    /** The largest quantity of one line of an order, or of stock added at once. */
    public static final int MAX_QUANTITY = 100_000;

    /** The most of one product on hand. */
    public static final int MAX_ON_HAND = 10_000_000;

    /** The most lines one order may have (each line is a stream of the command). */
    public static final int MAX_ORDER_LINES = 50;

    /** The role of the shop's staff: adds stock, ships and cancels any order, sees every account. */
    public static final String CLERK = "clerk";

    /** The role every user of the sample has. */
    public static final String CUSTOMER = "customer";

    private Limits() {}
}
