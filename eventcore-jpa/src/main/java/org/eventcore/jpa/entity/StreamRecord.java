package org.eventcore.jpa.entity;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The current version of one stream: a row of {@code ec_streams}. Not thread-safe. */
@Entity
@Cacheable(false)
@Table(name = "ec_streams")
@Access(AccessType.FIELD)
public class StreamRecord {

    @Id
    @Column(name = "stream_id", nullable = false, updatable = false, length = 255)
    private String streamId;

    @Column(name = "stream_version", nullable = false)
    private long streamVersion;

    /** For the JPA provider. */
    protected StreamRecord() {}

    public StreamRecord(String streamId, long streamVersion) {
        this.streamId = streamId;
        this.streamVersion = streamVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long streamVersion() {
        return streamVersion;
    }

    /** Moves the stream to {@code version} (the store does this under the stream's lock). */
    public void moveTo(long version) {
        this.streamVersion = version;
    }
}
