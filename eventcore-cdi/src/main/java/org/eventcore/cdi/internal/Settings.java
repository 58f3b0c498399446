package org.eventcore.cdi.internal;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * A setting of the CDI layer: read through MicroProfile Config when the server has it (WildFly,
 * Payara: a system property, an environment variable such as {@code EVENTCORE_STATE_CACHE_SIZE}, or
 * {@code microprofile-config.properties}), else as a system property. Blank counts as not set.
 */
final class Settings {

    /** A setting's value and where it came from, for error messages. */
    record Value(String text, String source) {}

    private Settings() {}

    static Optional<Value> of(String property) {
        Optional<String> fromConfig = microProfileConfig(property);
        if (fromConfig.isPresent()) {
            return fromConfig.filter(v -> !v.isBlank()).map(v -> new Value(v.strip(), "MicroProfile Config"));
        }
        return Optional.ofNullable(System.getProperty(property))
                .filter(v -> !v.isBlank())
                .map(v -> new Value(v.strip(), "the system property"));
    }

    /** The property through MicroProfile Config, when its API is on the application's class path. */
    private static Optional<String> microProfileConfig(String property) {
        try {
            Class<?> provider = Class.forName(
                    "org.eclipse.microprofile.config.ConfigProvider",
                    true,
                    Thread.currentThread().getContextClassLoader());
            Class<?> configType =
                    Class.forName("org.eclipse.microprofile.config.Config", true, provider.getClassLoader());
            Object config = provider.getMethod("getConfig").invoke(null);
            Method optional = configType.getMethod("getOptionalValue", String.class, Class.class);
            Object found = optional.invoke(config, property, String.class);
            return ((Optional<?>) found).map(Object::toString);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a server whose config cannot be read here: the system property still counts
            return Optional.empty();
        }
    }
}
