package org.eventcore.testkit.dcb;

import org.eventcore.Command;
import org.eventcore.Consistency;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.TagQuery;
import org.eventcore.testkit.dcb.DcbEvent.CourseCapacityChanged;

/**
 * Changes a course's capacity, never below the students it has: an aggregate read by its tag. Its state is
 * every event tagged with the course, whichever stream holds it (the course's definition, every
 * subscription), and it writes to the course's stream.
 */
public record ChangeCourseCapacity(@Stream StreamId course, String courseId, int capacity)
        implements Command<ChangeCourseCapacity, CourseState, DcbEvent> {

    /** Sets the capacity of {@code courseId}. */
    public static ChangeCourseCapacity of(String courseId, int capacity) {
        return new ChangeCourseCapacity(StreamId.of("course-" + courseId), courseId, capacity);
    }

    /** Every event of the course. */
    @Consistency
    TagQuery courseEvents() {
        return TagQuery.tagged(DcbTags.course(courseId));
    }

    @Override
    public CourseState initialState() {
        return CourseState.of(courseId, null);
    }

    @Override
    public CourseState apply(CourseState state, StoredEvent<DcbEvent> event) {
        return state.apply(event.payload());
    }

    @Override
    public void handle(CourseState state, Decision<ChangeCourseCapacity, DcbEvent> decision) {
        require(state.defined(), "course %s does not exist", courseId);
        require(
                capacity >= state.students(),
                "course %s has %d students, more than the capacity %d",
                courseId,
                state.students(),
                capacity);
        decision.emitTagged(
                ChangeCourseCapacityStreams.course(this),
                new CourseCapacityChanged(courseId, capacity),
                DcbTags.course(courseId));
    }
}
