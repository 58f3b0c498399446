package org.eventcore.sample.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A line of an account's statement: one per deposit or withdrawal, keyed by the event's id. */
@Entity
@Table(name = "sample_statement_lines")
public class StatementLine {

    @Id
    @Column(name = "event_id", length = 36)
    private String eventId;

    @Column(name = "account", length = 255, nullable = false)
    private String account;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "cents", nullable = false)
    private long cents;

    @Column(name = "recorded_by", length = 255)
    private String recordedBy;

    @Column(name = "command_id", length = 128, nullable = false)
    private String commandId;

    protected StatementLine() {}

    public StatementLine(
            String eventId, String account, long version, long cents, String recordedBy, String commandId) {
        this.eventId = eventId;
        this.account = account;
        this.version = version;
        this.cents = cents;
        this.recordedBy = recordedBy;
        this.commandId = commandId;
    }

    public String eventId() {
        return eventId;
    }

    public String account() {
        return account;
    }

    /** The version of the account's stream this line came from. */
    public long version() {
        return version;
    }

    /** Positive for money in, negative for money out. */
    public long cents() {
        return cents;
    }

    /** The authenticated caller who executed the command, from the event's metadata. */
    public String recordedBy() {
        return recordedBy;
    }

    public String commandId() {
        return commandId;
    }
}
