package org.eventcore.jpa.internal;

import java.time.OffsetDateTime;

/**
 * One row of {@code ec_events} as the store's reads select it: a JPQL constructor expression
 * ({@link #SELECT}) makes these straight from the result set, so a read puts no entity in the
 * persistence context (nothing to track, snapshot or check at flush) and copies no row it does not
 * need. The numbers are boxed because both providers pass the selected values as objects when they
 * look up the constructor.
 *
 * @param globalPosition the event's position in the log
 * @param txId the id of the transaction that wrote it
 * @param eventId the event's id
 * @param streamId its stream
 * @param streamVersion its version in the stream
 * @param eventType the payload's type name
 * @param typeRevision the payload's type revision
 * @param payload the serialized payload
 * @param correlationId the correlation id
 * @param causationId the id of the command that wrote it
 * @param userName the user, or {@code null}
 * @param recordedAt when the command ran
 * @param customMetadata the custom metadata as JSON
 */
public record EventRow(
        Long globalPosition,
        Long txId,
        String eventId,
        String streamId,
        Long streamVersion,
        String eventType,
        Integer typeRevision,
        byte[] payload,
        String correlationId,
        String causationId,
        String userName,
        OffsetDateTime recordedAt,
        String customMetadata) {

    /** The select clause of a JPQL read of {@code EventRecord e} into rows of this type. */
    public static final String SELECT = "select new " + EventRow.class.getName()
            + "(e.globalPosition, e.txId, e.eventId, e.streamId, e.streamVersion, e.eventType, e.typeRevision,"
            + " e.payload, e.correlationId, e.causationId, e.userName, e.recordedAt, e.customMetadata)";
}
