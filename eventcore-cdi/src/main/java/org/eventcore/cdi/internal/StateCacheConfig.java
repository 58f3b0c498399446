package org.eventcore.cdi.internal;

import java.util.Optional;
import org.eventcore.cdi.messages.CdiMessages;
import org.eventcore.execution.ExecutorSettings;

/**
 * The size of the command bus's state cache: the property {@code eventcore.state-cache.size}, read
 * through MicroProfile Config when the server has it (WildFly, Payara: a system property, an
 * environment variable {@code EVENTCORE_STATE_CACHE_SIZE} or {@code microprofile-config.properties}),
 * else as a system property; {@link ExecutorSettings#DEFAULT_STATE_CACHE_SIZE} when not set.
 */
final class StateCacheConfig {

    /** The property's name. */
    static final String PROPERTY = "eventcore.state-cache.size";

    private StateCacheConfig() {}

    static int size() {
        Optional<Settings.Value> value = Settings.of(PROPERTY);
        if (value.isEmpty()) {
            return ExecutorSettings.DEFAULT_STATE_CACHE_SIZE;
        }
        try {
            int size = Integer.parseInt(value.get().text());
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(CdiMessages.invalidStateCacheSize(
                value.get().source(), value.get().text()));
    }
}
