package org.eventcore.console;

/**
 * The two roles of the console, which the application maps to its users or groups. Without one of them, the
 * console shows and changes nothing.
 */
public final class ConsoleRoles {

    /**
     * Reads the log, streams, events, commands and the projections' status. Events may hold personal data:
     * grant it as you would read access to the event store.
     */
    public static final String VIEWER = "eventcore-viewer";

    /** Everything a viewer does, and pauses, resumes and rebuilds projections; every change is recorded. */
    public static final String OPERATOR = "eventcore-operator";

    private ConsoleRoles() {}
}
