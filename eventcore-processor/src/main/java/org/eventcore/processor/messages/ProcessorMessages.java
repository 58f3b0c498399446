package org.eventcore.processor.messages;

import org.eventcore.messages.MessageId;

/**
 * The messages of eventcore-processor, the annotation processor: the compile errors it reports on the
 * user's commands, one method per message id. Each method builds the whole text, id first.
 *
 * <p>Not API: methods may change, ids and meanings stay; the manual lists them (messages page).
 */
public final class ProcessorMessages {

    private ProcessorMessages() {}

    /** A {@code @Stream} member has a type that is neither {@code StreamId} nor a collection of them. */
    @MessageId(4001)
    public static String streamMemberNotStreamId(String member, String command, String memberType) {
        return "EC4001 @Stream member '" + member + "' of " + command + " has type " + memberType
                + ": a stream member must be org.eventcore.StreamId or a collection of StreamId"
                + " (for example List<StreamId> or Set<StreamId>)";
    }

    /** A command declares no stream: none of its members carries {@code @Stream}. */
    @MessageId(4002)
    public static String noStreamDeclared(String command) {
        return "EC4002 Command " + command + " declares no stream: mark the StreamId member(s)"
                + " it reads and writes with @Stream, for example record " + command
                + "(@Stream StreamId account, ...), or a method that returns its TagQuery with @Consistency";
    }

    /** A type has {@code @Stream} members but does not implement {@code Command}. */
    @MessageId(4003)
    public static String streamMembersOutsideCommand(String type) {
        return "EC4003 " + type + " has @Stream members but is not a command: implement" + " org.eventcore.Command<"
                + type + ", State, Event>, or remove @Stream";
    }

    /** A private {@code @Stream} field has no non-private accessor the generated class could read it through. */
    @MessageId(4004)
    public static String streamFieldUnreadable(String member, String command, String declarationsClass) {
        return "EC4004 @Stream field '" + member + "' of " + command
                + " cannot be read by the generated "
                + declarationsClass + ": it is private"
                + " and has no non-private accessor " + member + "() or get" + capitalize(member)
                + "(); make the field package-private or add such an accessor";
    }

    /**
     * The generated declarations class cannot name the command, because it is declared inside a method,
     * is a local class, is private (or nested in a private type) or is an inner class.
     */
    @MessageId(4005)
    public static String commandNotNameable(String command, String problem) {
        return "EC4005 Command " + command + " " + problem;
    }

    /** A {@code @Stream} field is static, while a command's streams are instance members. */
    @MessageId(4006)
    public static String streamFieldStatic(String member, String command) {
        return "EC4006 @Stream field '" + member + "' of " + command
                + " is static: a command's streams are instance members; remove static";
    }

    /** A command type has type parameters, while a command must be concrete. */
    @MessageId(4007)
    public static String commandGeneric(String command) {
        return "EC4007 Command " + command + " has type parameters: a command type must be"
                + " concrete; make a non-generic command per case";
    }

    /** The first type argument of the command's {@code Command<C, S, E>} is not the command itself. */
    @MessageId(4008)
    public static String wrongSelfType(String command, String self) {
        return "EC4008 " + command + " implements Command<" + self + ", ...>: the first"
                + " type argument must be the command itself, Command<" + command
                + ", ...>";
    }

    /** A {@code @Stream} member is named like a method of the generated declarations class. */
    @MessageId(4009)
    public static String streamMemberClashes(String member, String command) {
        return "EC4009 @Stream member '" + member + "' of " + command + " would clash with the method " + member
                + " of the generated declarations class: rename it";
    }

    /** {@code @Stream} members are declared on an abstract type or interface instead of the concrete command. */
    @MessageId(4010)
    public static String streamMembersOnAbstractType(String type) {
        return "EC4010 @Stream members belong on the concrete command, not on the abstract type " + type
                + ": move them to the record or class that implements it";
    }

    /**
     * The generated declarations class could not be created, because a class of that name already
     * exists, or could not be written.
     */
    @MessageId(4011)
    public static String declarationsNotWritten(
            String declarationsClass, String command, String cause, boolean nameTaken) {
        if (nameTaken) {
            return "EC4011 Cannot generate " + declarationsClass + " for " + command + ": " + cause
                    + ". Is there already a class of that name? Rename one of them";
        }
        return "EC4011 Cannot write " + declarationsClass + ": " + cause;
    }

    /** In {@code handle}, a write passes a declared stream's {@code StreamId} where its generated handle belongs. */
    @MessageId(4012)
    public static String streamIdInsteadOfHandle(
            String method, String declarationsClass, String member, String command) {
        return "EC4012 decision." + method + " takes the stream's handle, not its StreamId: write "
                + declarationsClass + "." + member + "(this) instead of " + member
                + " (the handle the annotation processor generates for the @Stream member '" + member
                + "' of " + command + ")";
    }

    /** In {@code handle}, a write goes to a stream id member that the command does not declare with {@code @Stream}. */
    @MessageId(4013)
    public static String undeclaredStream(String member, String command, String declarationsClass) {
        return "EC4013 '" + member + "' is not a declared stream of " + command + ", so " + command
                + " may not write to it: mark the member with @Stream and write " + declarationsClass + "."
                + member + "(this), or add it to the boundary in discover() (streams.add(" + member
                + ")) and write decision.stream(" + member + ")";
    }

    /** A {@code @CachedState} command's fold reads the command itself. */
    @MessageId(4020)
    public static String foldReadsCommand(String command, String method, String what) {
        return "EC4020 " + command + " is @CachedState, but its " + method + " " + what
                + ": a cached state stands for the events alone and is shared by every " + command
                + " over the same streams, so the fold may use only its parameters (the state and the event)."
                + " Move what depends on the command into handle(), or remove @CachedState";
    }

    /** A {@code @Consistency} member is not a {@code TagQuery}, or cannot be read by the declarations class. */
    @MessageId(4014)
    public static String consistencyMemberInvalid(String member, String command, String problem) {
        return "EC4014 @Consistency member " + member + " of command " + command + " " + problem
                + ": a @Consistency member is a method without parameters that returns TagQuery, or a field or"
                + " record component of type TagQuery, not private and not static, for example"
                + " @Consistency TagQuery course() { return TagQuery.tagged(Tag.of(\"course\", courseId)); }";
    }

    /** A type has {@code @Consistency} members but does not implement {@code Command}. */
    @MessageId(4015)
    public static String consistencyOutsideCommand(String type) {
        return "EC4015 " + type + " has @Consistency members but is not a concrete command: only a class or record"
                + " that implements org.eventcore.Command declares tag queries";
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
