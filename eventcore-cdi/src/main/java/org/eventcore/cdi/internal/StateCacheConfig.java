package org.eventcore.cdi.internal;

import java.lang.reflect.Method;
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
        Optional<String> fromConfig = microProfileConfig();
        String source = fromConfig.isPresent() ? "MicroProfile Config" : "the system property";
        String value = fromConfig.orElse(System.getProperty(PROPERTY));
        if (value == null || value.isBlank()) {
            return ExecutorSettings.DEFAULT_STATE_CACHE_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(CdiMessages.invalidStateCacheSize(source, value));
    }

    /** The property through MicroProfile Config, when its API is on the application's class path. */
    private static Optional<String> microProfileConfig() {
        try {
            Class<?> provider = Class.forName(
                    "org.eclipse.microprofile.config.ConfigProvider",
                    true,
                    Thread.currentThread().getContextClassLoader());
            Class<?> configType =
                    Class.forName("org.eclipse.microprofile.config.Config", true, provider.getClassLoader());
            Object config = provider.getMethod("getConfig").invoke(null);
            Method optional = configType.getMethod("getOptionalValue", String.class, Class.class);
            Object found = optional.invoke(config, PROPERTY, String.class);
            return ((Optional<?>) found).map(Object::toString);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a server whose config cannot be read here: the system property still counts
            return Optional.empty();
        }
    }
}
