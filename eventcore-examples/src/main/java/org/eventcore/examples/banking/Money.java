package org.eventcore.examples.banking;

/**
 * An amount of euros, in cents, never negative.
 *
 * @param cents the amount in cents, zero or more
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** @throws IllegalArgumentException if {@code cents} is negative */
    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("An amount of money cannot be negative, was " + cents + " cents");
        }
    }

    public static Money euros(long euros) {
        return new Money(Math.multiplyExact(euros, 100));
    }

    public static Money cents(long cents) {
        return new Money(cents);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    /** @throws IllegalArgumentException if {@code other} is larger than this amount */
    public Money minus(Money other) {
        return new Money(cents - other.cents);
    }

    public boolean covers(Money other) {
        return cents >= other.cents;
    }

    public boolean isZero() {
        return cents == 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public String toString() {
        return String.format("EUR %d.%02d", cents / 100, cents % 100);
    }
}
