package org.eventcore.testkit.contract;

import org.eventcore.serialization.EventType;

/**
 * The payload the contract suites write. A store that serializes payloads must have it registered
 * (for example {@code EventTypeRegistry.builder().register(ContractEvent.class)}).
 *
 * @param text any text, including quotes and non-ASCII characters
 * @param number a number that identifies the event within a test
 */
@EventType(name = "eventcore.testkit.ContractEvent", revision = 1)
public record ContractEvent(String text, long number) {}
