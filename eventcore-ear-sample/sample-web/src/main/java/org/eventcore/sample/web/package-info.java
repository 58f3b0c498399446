/**
 * The sample's REST API: JAX-RS resources over the commands and read models, HTTP Basic
 * authentication against a small identity store, and problem responses with honest status codes.
 */
package org.eventcore.sample.web;
