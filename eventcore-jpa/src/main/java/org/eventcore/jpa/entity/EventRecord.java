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
 * One stored event: a row of {@code ec_events}. Part of the persistence-unit contract (list it in
 * your {@code persistence.xml}); the store creates these rows and nothing ever changes them.
 * Not thread-safe, like every entity.
 */
@Entity
@Cacheable(false)
@Table(name = "ec_events")
@Access(AccessType.FIELD)
public class EventRecord {

    @Id
    @Column(name = "global_position", nullable = false, updatable = false)
    private long globalPosition;

    @Column(name = "tx_id", nullable = false, updatable = false)
    private long txId;

    @Column(name = "event_id", nullable = false, updatable = false, length = 36)
    private String eventId;

    @Column(name = "stream_id", nullable = false, updatable = false, length = 255)
    private String streamId;

    @Column(name = "stream_version", nullable = false, updatable = false)
    private long streamVersion;

    @Column(name = "event_type", nullable = false, updatable = false, length = 200)
    private String eventType;

    @Column(name = "type_revision", nullable = false, updatable = false)
    private int typeRevision;

    @Column(name = "payload", nullable = false, updatable = false)
    private byte[] payload;

    @Column(name = "correlation_id", nullable = false, updatable = false, length = 128)
    private String correlationId;

    @Column(name = "causation_id", nullable = false, updatable = false, length = 128)
    private String causationId;

    @Column(name = "user_name", updatable = false, length = 255)
    private String userName;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "custom_metadata", nullable = false, updatable = false)
    private String customMetadata;

    /** For the JPA provider. */
    protected EventRecord() {}

    /** A new row; every value is final once persisted. */
    public EventRecord(
            long globalPosition,
            long txId,
            String eventId,
            String streamId,
            long streamVersion,
            String eventType,
            int typeRevision,
            byte[] payload,
            String correlationId,
            String causationId,
            String userName,
            OffsetDateTime recordedAt,
            String customMetadata) {
        this.globalPosition = globalPosition;
        this.txId = txId;
        this.eventId = eventId;
        this.streamId = streamId;
        this.streamVersion = streamVersion;
        this.eventType = eventType;
        this.typeRevision = typeRevision;
        this.payload = payload;
        this.correlationId = correlationId;
        this.causationId = causationId;
        this.userName = userName;
        this.recordedAt = recordedAt;
        this.customMetadata = customMetadata;
    }

    public long globalPosition() {
        return globalPosition;
    }

    public long txId() {
        return txId;
    }

    public String eventId() {
        return eventId;
    }

    public String streamId() {
        return streamId;
    }

    public long streamVersion() {
        return streamVersion;
    }

    public String eventType() {
        return eventType;
    }

    public int typeRevision() {
        return typeRevision;
    }

    /** The payload bytes (not a copy: do not modify). */
    public byte[] payload() {
        return payload;
    }

    public String correlationId() {
        return correlationId;
    }

    public String causationId() {
        return causationId;
    }

    /** The user, or {@code null} if none. */
    public String userName() {
        return userName;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    /** Custom metadata as a JSON object of strings. */
    public String customMetadata() {
        return customMetadata;
    }
}
