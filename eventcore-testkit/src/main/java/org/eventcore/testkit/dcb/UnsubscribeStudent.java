package org.eventcore.testkit.dcb;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.dcb.DcbEvent.StudentSubscribed;
import org.eventcore.testkit.dcb.DcbEvent.StudentUnsubscribed;

/**
 * Takes a student out of a course. A stream-only command: it decides on the subscription's stream alone, and
 * tags its event with the course and the student, so that the commands that count them see it (and take part
 * in their locks).
 */
public record UnsubscribeStudent(@Stream StreamId subscription, String courseId, String studentId)
        implements Command<UnsubscribeStudent, Boolean, DcbEvent> {

    /** Takes {@code studentId} out of {@code courseId}. */
    public static UnsubscribeStudent of(String courseId, String studentId) {
        return new UnsubscribeStudent(SubscribeStudent.subscriptionStream(courseId, studentId), courseId, studentId);
    }

    @Override
    public Boolean initialState() {
        return false;
    }

    @Override
    public Boolean apply(Boolean subscribed, StoredEvent<DcbEvent> event) {
        if (event.payload() instanceof StudentSubscribed) {
            return true;
        }
        return event.payload() instanceof StudentUnsubscribed ? false : subscribed;
    }

    @Override
    public void handle(Boolean subscribed, Decision<UnsubscribeStudent, DcbEvent> decision) {
        require(subscribed, "student %s is not subscribed to course %s", studentId, courseId);
        decision.emitTagged(
                UnsubscribeStudentStreams.subscription(this),
                new StudentUnsubscribed(courseId, studentId),
                DcbTags.course(courseId),
                DcbTags.student(studentId));
    }
}
