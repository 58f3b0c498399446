/**
 * JSON payloads through Jakarta JSON Binding: the default event format. This is the only package of
 * the api module that uses a Jakarta API; the JSON-B API is a provided dependency, so it costs
 * nothing in a Jakarta EE server and must be added (with an implementation such as Yasson) in Java
 * SE.
 */
package org.eventcore.serialization.jsonb;
