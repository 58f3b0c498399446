package org.eventcore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a member of a {@link Command} as one of the {@linkplain TagQuery tag queries} in its
 * consistency boundary, beside its {@link Stream @Stream} members: a method without parameters that
 * returns a {@link TagQuery}, or a field or record component of that type. The executor reads the
 * events that match it with the streams, folds them with the same {@link Command#apply}, and appends
 * only if no matching event was appended since; otherwise the command runs again, as after a stream
 * conflict.
 *
 * <pre>{@code
 * public record Subscribe(@Stream StreamId subscription, String course, String student)
 *         implements Command<Subscribe, Counts, CourseEvent> {
 *
 *     @Consistency
 *     TagQuery course() {
 *         return TagQuery.of(Set.of(CourseDefined.class, StudentSubscribed.class), Tag.of("course", course));
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>The annotation processor checks the member (its type, that it takes no parameter and is not
 * private or static) and puts the queries into the command's declarations class ({@link
 * StreamDeclarations#queries}). A command may have streams, queries, or both; its events are always
 * written to its streams, and may carry tags ({@link Decision#emitTagged(StreamHandle, Object, Tag...)}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Consistency {}
