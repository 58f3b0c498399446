package org.eventcore.execution;

/** Wrong on purpose: has the conventional name but does not implement StreamDeclarations. */
public final class NotDeclaringStreams {}
