/**
 * The EventCore annotation processor, {@link org.eventcore.processor.StreamDeclarationsProcessor}:
 * turns each command's {@code @Stream} members into a generated declarations class with typed
 * stream handles, and refuses wrong declarations at compile time. Needed at compile time only.
 */
package org.eventcore.processor;
