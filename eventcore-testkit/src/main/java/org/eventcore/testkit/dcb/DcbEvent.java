package org.eventcore.testkit.dcb;

import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.EventUpcaster;

/**
 * The events of the scenarios. Each is written with the tags its record's comment names; {@link
 * StudentSubscribed} was once stored as {@code dcb.StudentEnrolled} at revision 1 (a renamed type: see
 * {@link #registry(boolean)}).
 */
public sealed interface DcbEvent {

    /** A course was defined with a capacity. Tags: {@code course:}. */
    @EventType(name = "dcb.CourseDefined", revision = 1)
    record CourseDefined(String courseId, int capacity) implements DcbEvent {}

    /** A course's capacity changed. Tags: {@code course:}. */
    @EventType(name = "dcb.CourseCapacityChanged", revision = 1)
    record CourseCapacityChanged(String courseId, int capacity) implements DcbEvent {}

    /** A student subscribed to a course. Tags: {@code course:}, {@code student:}. */
    @EventType(name = "dcb.StudentSubscribed", revision = 2)
    record StudentSubscribed(String courseId, String studentId) implements DcbEvent {}

    /** A student left a course. Tags: {@code course:}, {@code student:}. */
    @EventType(name = "dcb.StudentUnsubscribed", revision = 1)
    record StudentUnsubscribed(String courseId, String studentId) implements DcbEvent {}

    /** A user registered with a username. Tags: {@code username:}, {@code user:}. */
    @EventType(name = "dcb.UserRegistered", revision = 1)
    record UserRegistered(String userId, String username) implements DcbEvent {}

    /** A user's account was deleted, which frees its username. Tags: {@code username:}, {@code user:}. */
    @EventType(name = "dcb.AccountDeleted", revision = 1)
    record AccountDeleted(String userId, String username) implements DcbEvent {}

    /** An invoice got the next number of its series. Tags: {@code invoices:}. */
    @EventType(name = "dcb.InvoiceCreated", revision = 1)
    record InvoiceCreated(String invoiceId, String series, long number) implements DcbEvent {}

    /** An opt-in token was sent to an address. Tags: {@code token:}. */
    @EventType(name = "dcb.OptInTokenIssued", revision = 1)
    record OptInTokenIssued(String token, String email) implements DcbEvent {}

    /** An opt-in token was used. Tags: {@code token:}. */
    @EventType(name = "dcb.OptInConfirmed", revision = 1)
    record OptInConfirmed(String token, String subscriberId) implements DcbEvent {}

    /** The name {@link StudentSubscribed} was stored under before it was renamed. */
    String OLD_SUBSCRIBED_NAME = "dcb.StudentEnrolled";

    /**
     * The registry of the scenarios' events. {@code beforeRename}: the registry of the first release of a
     * rolling rename, which still writes {@link StudentSubscribed} as {@value #OLD_SUBSCRIBED_NAME} and reads
     * the new name ahead; otherwise the current one, which writes the new name and reads the old one through an
     * upcaster. Both name both names in their tag queries, so neither misses the other's events.
     */
    static EventTypeRegistry registry(boolean beforeRename) {
        EventTypeRegistry.Builder b = EventTypeRegistry.builder()
                .register(CourseDefined.class)
                .register(CourseCapacityChanged.class)
                .register(StudentUnsubscribed.class)
                .register(UserRegistered.class)
                .register(AccountDeleted.class)
                .register(InvoiceCreated.class)
                .register(OptInTokenIssued.class)
                .register(OptInConfirmed.class);
        if (beforeRename) {
            // the first release of the rolling rename: writes the old name, reads the new one ahead
            return b.register(OLD_SUBSCRIBED_NAME, 1, StudentSubscribed.class)
                    .upcaster(EventUpcaster.readAhead(
                            EventUpcaster.rename("dcb.StudentSubscribed", 2, OLD_SUBSCRIBED_NAME)))
                    .build();
        }
        return b.register(StudentSubscribed.class)
                .upcaster(EventUpcaster.rename(OLD_SUBSCRIBED_NAME, 1, "dcb.StudentSubscribed"))
                .build();
    }
}
