package org.eventcore.sample.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the inventory read model: one per product. */
@Entity
@Table(name = "sample_inventory")
public class InventoryRow {

    @Id
    @Column(name = "product", length = 255)
    private String product;

    @Column(name = "on_hand", nullable = false)
    private int onHand;

    @Column(name = "reserved", nullable = false)
    private int reserved;

    protected InventoryRow() {}

    public InventoryRow(String product) {
        this.product = product;
    }

    public void change(int onHandChange, int reservedChange) {
        onHand = Math.addExact(onHand, onHandChange);
        reserved = Math.addExact(reserved, reservedChange);
    }

    public String product() {
        return product;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    public int available() {
        return onHand - reserved;
    }
}
