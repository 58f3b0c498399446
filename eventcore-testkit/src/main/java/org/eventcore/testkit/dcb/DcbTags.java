package org.eventcore.testkit.dcb;

import org.eventcore.Tag;

/** The tags of the scenarios, one factory per key. */
public final class DcbTags {

    private DcbTags() {}

    /** {@code course:<id>}. */
    public static Tag course(String courseId) {
        return Tag.of("course", courseId);
    }

    /** {@code student:<id>}. */
    public static Tag student(String studentId) {
        return Tag.of("student", studentId);
    }

    /** {@code username:<name>}. */
    public static Tag username(String username) {
        return Tag.of("username", username);
    }

    /** {@code user:<id>}. */
    public static Tag user(String userId) {
        return Tag.of("user", userId);
    }

    /** {@code invoices:<series>}. */
    public static Tag invoices(String series) {
        return Tag.of("invoices", series);
    }

    /** {@code token:<token>}. */
    public static Tag token(String token) {
        return Tag.of("token", token);
    }
}
