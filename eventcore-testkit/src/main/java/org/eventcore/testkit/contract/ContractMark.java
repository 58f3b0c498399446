package org.eventcore.testkit.contract;

import org.eventcore.serialization.EventType;

/**
 * A second payload type for {@link TagContract}, whose queries filter by type. A store that serializes
 * payloads must have it registered beside {@link ContractEvent}.
 *
 * @param number a number that identifies the event within a test
 */
@EventType(name = "eventcore.testkit.ContractMark", revision = 1)
public record ContractMark(long number) {}
