package org.eventcore.testkit.dcb;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.dcb.DcbEvent.CourseDefined;

/** Defines a course with a capacity, in the course's own stream (a plain stream command that tags its event). */
public record DefineCourse(@Stream StreamId course, String courseId, int capacity)
        implements Command<DefineCourse, Boolean, DcbEvent> {

    /** Defines course {@code courseId} in stream {@code course-<id>}. */
    public static DefineCourse of(String courseId, int capacity) {
        return new DefineCourse(StreamId.of("course-" + courseId), courseId, capacity);
    }

    @Override
    public Boolean initialState() {
        return false;
    }

    @Override
    public Boolean apply(Boolean defined, StoredEvent<DcbEvent> event) {
        return defined || event.payload() instanceof CourseDefined;
    }

    @Override
    public void handle(Boolean defined, Decision<DefineCourse, DcbEvent> decision) {
        require(!defined, "course %s is already defined", courseId);
        require(capacity >= 1, "a course holds at least one student, not %d", capacity);
        decision.emitTagged(
                DefineCourseStreams.course(this), new CourseDefined(courseId, capacity), DcbTags.course(courseId));
    }
}
