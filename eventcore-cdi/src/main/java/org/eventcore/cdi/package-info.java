/**
 * EventCore as a CDI portable component: inject {@link org.eventcore.cdi.CommandBus} and execute
 * commands; each attempt runs in its own JTA transaction; inline and after-commit projections are
 * CDI observers of the event payload types, with {@link org.eventcore.cdi.EventContext} for the
 * envelope. The application produces its {@link org.eventcore.spi.EventStore} bean.
 */
package org.eventcore.cdi;
