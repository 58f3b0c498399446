package org.eventcore.sample.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the loyalty read model: a customer's points. */
@Entity
@Table(name = "sample_loyalty")
public class LoyaltyRow {

    @Id
    @Column(name = "customer", length = 255)
    private String customer;

    @Column(name = "points", nullable = false)
    private long points;

    protected LoyaltyRow() {}

    public LoyaltyRow(String customer) {
        this.customer = customer;
    }

    public void add(int earned) {
        points = Math.addExact(points, earned);
    }

    public String customer() {
        return customer;
    }

    public long points() {
        return points;
    }
}
