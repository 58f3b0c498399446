/**
 * Implementation details of the api module: the retry loop, the single attempt, the command model,
 * the UUIDv7 generator. No compatibility promise; never use from another module (an ArchUnit test
 * enforces this).
 */
package org.eventcore.internal;
