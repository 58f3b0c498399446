package org.eventcore.testkit.dcb;

import java.util.Set;
import org.eventcore.Command;
import org.eventcore.Consistency;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.TagQuery;
import org.eventcore.testkit.dcb.DcbEvent.CourseCapacityChanged;
import org.eventcore.testkit.dcb.DcbEvent.CourseDefined;
import org.eventcore.testkit.dcb.DcbEvent.StudentSubscribed;
import org.eventcore.testkit.dcb.DcbEvent.StudentUnsubscribed;

/**
 * Subscribes a student to a course: the course must exist and have room, and the student may be in at most
 * {@link #MAX_COURSES} courses. Neither rule has a stream: the command reads the events tagged with the
 * course and those tagged with the student, and writes to the subscription's own stream.
 */
public record SubscribeStudent(@Stream StreamId subscription, String courseId, String studentId)
        implements Command<SubscribeStudent, CourseState, DcbEvent> {

    /** The most courses one student may be subscribed to. */
    public static final int MAX_COURSES = 5;

    /** Subscribes {@code studentId} to {@code courseId}, in stream {@code subscription-<course>-<student>}. */
    public static SubscribeStudent of(String courseId, String studentId) {
        return new SubscribeStudent(subscriptionStream(courseId, studentId), courseId, studentId);
    }

    /** The stream of one student's subscription to one course. */
    public static StreamId subscriptionStream(String courseId, String studentId) {
        return StreamId.of("subscription-" + courseId + "-" + studentId);
    }

    /** The course: its definition, capacity and subscriptions. */
    @Consistency
    TagQuery course() {
        return TagQuery.of(
                Set.of(
                        CourseDefined.class,
                        CourseCapacityChanged.class,
                        StudentSubscribed.class,
                        StudentUnsubscribed.class),
                DcbTags.course(courseId));
    }

    /** The student's subscriptions. */
    @Consistency
    TagQuery student() {
        return TagQuery.of(Set.of(StudentSubscribed.class, StudentUnsubscribed.class), DcbTags.student(studentId));
    }

    @Override
    public CourseState initialState() {
        return CourseState.of(courseId, studentId);
    }

    @Override
    public CourseState apply(CourseState state, StoredEvent<DcbEvent> event) {
        return state.apply(event.payload());
    }

    @Override
    public void handle(CourseState state, Decision<SubscribeStudent, DcbEvent> decision) {
        require(state.defined(), "course %s does not exist", courseId);
        require(!state.subscribed(), "student %s is already subscribed to course %s", studentId, courseId);
        require(
                state.students() < state.capacity(),
                "course %s is full: %d of %d places taken",
                courseId,
                state.students(),
                state.capacity());
        require(
                state.courses() < MAX_COURSES,
                "student %s is already subscribed to %d courses, the most allowed",
                studentId,
                state.courses());
        decision.emitTagged(
                SubscribeStudentStreams.subscription(this),
                new StudentSubscribed(courseId, studentId),
                DcbTags.course(courseId),
                DcbTags.student(studentId));
    }
}
