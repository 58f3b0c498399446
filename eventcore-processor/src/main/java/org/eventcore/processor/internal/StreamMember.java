package org.eventcore.processor.internal;

/**
 * One {@code @Stream} member of a command, as the generated code reads it.
 *
 * @param name the member's name, also the name of its generated handle accessor
 * @param access the expression that reads it from a variable named {@code command}
 * @param collection whether it is a collection of stream ids rather than one
 */
public record StreamMember(String name, String access, boolean collection) {}
