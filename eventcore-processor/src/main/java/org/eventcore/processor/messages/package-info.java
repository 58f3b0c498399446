/**
 * The compile errors of EventCore's annotation processor, each written by one method of
 * {@link org.eventcore.processor.messages.ProcessorMessages}. Every error the processor reports
 * through javac's {@code Messager} or tree API starts with its id ({@code EC4001} to {@code EC4013}),
 * names the offending member or command and says how to fix it; the manual's page of message ids
 * lists them. This package is the lowest layer of the processor: the entry point and the internal
 * analysis use it, and it uses nothing else of the module. No compatibility promise; not for use
 * outside this module.
 */
package org.eventcore.processor.messages;
