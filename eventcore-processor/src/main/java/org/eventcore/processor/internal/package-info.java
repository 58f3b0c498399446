/**
 * The processor's analysis and code writer. No compatibility promise; not for use outside this
 * module.
 */
package org.eventcore.processor.internal;
