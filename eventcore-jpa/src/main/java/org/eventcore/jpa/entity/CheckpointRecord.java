package org.eventcore.jpa.entity;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The progress of one durable projection through the global log: a row of {@code ec_checkpoints}.
 * The lease and fencing epoch columns let one node at a time commit progress.
 */
@Entity
@Cacheable(false)
@Table(name = "ec_checkpoints")
@Access(AccessType.FIELD)
public class CheckpointRecord {

    @Id
    @Column(name = "projection_name", nullable = false, updatable = false, length = 200)
    private String projectionName;

    @Column(name = "log_position", nullable = false, length = 64)
    private String logPosition;

    @Column(name = "fencing_epoch", nullable = false)
    private long fencingEpoch;

    @Column(name = "lease_owner", length = 200)
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** For the JPA provider. */
    protected CheckpointRecord() {}

    public CheckpointRecord(String projectionName, String logPosition, long fencingEpoch, OffsetDateTime updatedAt) {
        this.projectionName = projectionName;
        this.logPosition = logPosition;
        this.fencingEpoch = fencingEpoch;
        this.updatedAt = updatedAt;
    }

    public String projectionName() {
        return projectionName;
    }

    public String logPosition() {
        return logPosition;
    }

    public long fencingEpoch() {
        return fencingEpoch;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public OffsetDateTime leaseUntil() {
        return leaseUntil;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /** Gives the projection's lease to {@code owner} until {@code until}; returns this record. */
    public CheckpointRecord leasedTo(String owner, OffsetDateTime until) {
        this.leaseOwner = owner;
        this.leaseUntil = until;
        return this;
    }

    /** Moves the checkpoint. */
    public void advance(String logPosition, OffsetDateTime updatedAt) {
        this.logPosition = logPosition;
        this.updatedAt = updatedAt;
    }
}
