package org.eventcore.execution;

import org.eventcore.Command;

/** An intermediate command interface that passes the event type on as a type variable. */
interface FoldingCommand<C extends Command<C, Long, E>, E> extends Command<C, Long, E> {}
