package org.eventcore.sample.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the balances read model: one per account. */
@Entity
@Table(name = "sample_balances")
public class BalanceRow {

    @Id
    @Column(name = "account", length = 255)
    private String account;

    @Column(name = "owner", length = 255, nullable = false)
    private String owner;

    @Column(name = "cents", nullable = false)
    private long cents;

    @Column(name = "events", nullable = false)
    private long events;

    protected BalanceRow() {}

    /** A new row for an account just opened, by the balances projection. */
    public BalanceRow(String account, String owner) {
        this.account = account;
        this.owner = owner;
        this.events = 1;
    }

    /** Applies a deposit (positive) or withdrawal (negative) of the account's next event. */
    public void add(long change) {
        cents = Math.addExact(cents, change);
        events++;
    }

    public String account() {
        return account;
    }

    public String owner() {
        return owner;
    }

    public long cents() {
        return cents;
    }

    /** How many of the account's events the read model has applied (its stream's version). */
    public long events() {
        return events;
    }
}
