package org.eventcore.cdi.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eventcore.cdi.messages.CdiMessages;

/**
 * The settings of EventCore's readiness check ({@link EventCoreReadiness}), read when the container
 * starts (MicroProfile Config or system properties):
 *
 * <ul>
 *   <li>{@value #ENABLED}: {@code false} vetoes the check (default {@code true});
 *   <li>{@value #PROJECTION_LAG}: how long the earliest unhandled event may wait before a projection is
 *       not ready, an ISO-8601 duration ({@code PT30S}) or seconds ({@code 30}); default
 *       {@link #DEFAULT_PROJECTION_LAG}.
 * </ul>
 *
 * Without the MicroProfile Health API the container cannot load the check's class: nothing is
 * registered, nothing fails, and the settings are not read.
 */
final class HealthChecks {

    static final String ENABLED = "eventcore.health.enabled";
    static final String PROJECTION_LAG = "eventcore.health.projection-lag";
    static final Duration DEFAULT_PROJECTION_LAG = Duration.ofMinutes(1);

    /** The check's class, named: it must not be loaded where the API is missing. */
    static final String CHECK_CLASS = "org.eventcore.cdi.internal.EventCoreReadiness";

    /** The settings as read: whether the check is wanted, the lag bound, or what is wrong with them. */
    record Config(boolean enabled, Duration projectionLag, Optional<String> problem) {}

    private HealthChecks() {}

    /** Reads the settings; a wrong one is reported as {@code problem} (the check is then vetoed). */
    static Config read() {
        Optional<Settings.Value> enabled = Settings.of(ENABLED);
        if (enabled.isPresent()) {
            String text = enabled.get().text();
            if (text.equalsIgnoreCase("false")) {
                return new Config(false, DEFAULT_PROJECTION_LAG, Optional.empty());
            }
            if (!text.equalsIgnoreCase("true")) {
                return new Config(
                        false,
                        DEFAULT_PROJECTION_LAG,
                        Optional.of(CdiMessages.invalidHealthSetting(
                                ENABLED, enabled.get().source(), text, "true or false")));
            }
        }
        try {
            return new Config(true, projectionLag(Settings.of(PROJECTION_LAG)), Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Config(false, DEFAULT_PROJECTION_LAG, Optional.of(e.getMessage()));
        }
    }

    /** The lag bound from {@code value}: an ISO-8601 duration or whole seconds, above zero. */
    static Duration projectionLag(Optional<Settings.Value> value) {
        if (value.isEmpty()) {
            return DEFAULT_PROJECTION_LAG;
        }
        String text = value.get().text();
        Duration lag = null;
        try {
            lag = text.chars().allMatch(Character::isDigit) && text.length() <= 9
                    ? Duration.ofSeconds(Long.parseLong(text))
                    : Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        if (lag == null || lag.isNegative() || lag.isZero()) {
            throw new IllegalArgumentException(CdiMessages.invalidHealthSetting(
                    PROJECTION_LAG,
                    value.get().source(),
                    text,
                    "a duration above zero, in ISO-8601 (PT30S, PT5M) or whole seconds (30)"));
        }
        return lag;
    }
}
