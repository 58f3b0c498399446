package org.eventcore.jpa.entity;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A command execution that stored events, by its unique command id: a row of {@code ec_commands}. */
@Entity
@Cacheable(false)
@Table(name = "ec_commands")
@Access(AccessType.FIELD)
public class CommandRecord {

    @Id
    @Column(name = "command_id", nullable = false, updatable = false, length = 128)
    private String commandId;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    /** For the JPA provider. */
    protected CommandRecord() {}

    public CommandRecord(String commandId, OffsetDateTime recordedAt) {
        this.commandId = commandId;
        this.recordedAt = recordedAt;
    }

    public String commandId() {
        return commandId;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }
}
