/**
 * The CDI wiring: the bus bean, the transaction per attempt, the dispatch of events to observers,
 * the portable extension. No compatibility promise; not for use outside this module.
 */
package org.eventcore.cdi.internal;
