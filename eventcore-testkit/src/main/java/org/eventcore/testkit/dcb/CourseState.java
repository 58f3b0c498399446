package org.eventcore.testkit.dcb;

import org.eventcore.testkit.dcb.DcbEvent.CourseCapacityChanged;
import org.eventcore.testkit.dcb.DcbEvent.CourseDefined;
import org.eventcore.testkit.dcb.DcbEvent.StudentSubscribed;
import org.eventcore.testkit.dcb.DcbEvent.StudentUnsubscribed;

/**
 * What a subscription decides on: the course (defined, capacity, students) and the student (courses,
 * whether already in this one), folded from the events tagged with the course or the student.
 *
 * @param courseId the course
 * @param studentId the student, or null for a decision about the course alone
 * @param defined whether the course is defined
 * @param capacity the course's capacity
 * @param students the students subscribed to the course
 * @param courses the courses the student is subscribed to
 * @param subscribed whether the student is subscribed to the course
 */
public record CourseState(
        String courseId,
        String studentId,
        boolean defined,
        int capacity,
        int students,
        int courses,
        boolean subscribed) {

    /** Before any event. */
    public static CourseState of(String courseId, String studentId) {
        return new CourseState(courseId, studentId, false, 0, 0, 0, false);
    }

    /** This state after {@code event}. */
    public CourseState apply(DcbEvent event) {
        if (event instanceof CourseDefined d && d.courseId().equals(courseId)) {
            return new CourseState(courseId, studentId, true, d.capacity(), students, courses, subscribed);
        }
        if (event instanceof CourseCapacityChanged c && c.courseId().equals(courseId)) {
            return new CourseState(courseId, studentId, defined, c.capacity(), students, courses, subscribed);
        }
        if (event instanceof StudentSubscribed s) {
            return counted(s.courseId(), s.studentId(), 1);
        }
        if (event instanceof StudentUnsubscribed u) {
            return counted(u.courseId(), u.studentId(), -1);
        }
        return this;
    }

    private CourseState counted(String course, String student, int delta) {
        boolean ofCourse = course.equals(courseId);
        boolean ofStudent = student.equals(studentId);
        return new CourseState(
                courseId,
                studentId,
                defined,
                capacity,
                students + (ofCourse ? delta : 0),
                courses + (ofStudent ? delta : 0),
                ofCourse && ofStudent ? delta > 0 : subscribed);
    }
}
