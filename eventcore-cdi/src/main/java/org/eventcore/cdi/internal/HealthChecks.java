package org.eventcore.cdi.internal;

import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.eventcore.cdi.messages.CdiMessages;

/**
 * Readiness checks through MicroProfile Health, where the application has its API (WildFly and Payara
 * with MicroProfile Health): one for the store, one per durable projection. Without the API nothing is
 * registered and nothing fails: the API's classes are touched only after their presence was checked
 * ({@link HealthBridge}). Settings (MicroProfile Config or system properties):
 *
 * <ul>
 *   <li>{@value #ENABLED}: {@code false} registers no check (default {@code true});
 *   <li>{@value #PROJECTION_LAG}: how long the earliest unhandled event may wait before a projection is
 *       not ready, an ISO-8601 duration ({@code PT30S}) or seconds ({@code 30}); default
 *       {@link #DEFAULT_PROJECTION_LAG}.
 * </ul>
 */
final class HealthChecks {

    static final String ENABLED = "eventcore.health.enabled";
    static final String PROJECTION_LAG = "eventcore.health.projection-lag";
    static final Duration DEFAULT_PROJECTION_LAG = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(HealthChecks.class.getName());

    private HealthChecks() {}

    /** Adds the checks as beans, when the API is present and the checks are not switched off. */
    static void register(AfterBeanDiscovery discovery, BeanManager beans, Set<String> projections, ClassLoader loader) {
        if (!present(loader)) {
            LOG.log(System.Logger.Level.DEBUG, "no MicroProfile Health API: EventCore registers no health check");
            return;
        }
        Optional<Settings.Value> enabled = Settings.of(ENABLED);
        if (enabled.isPresent()) {
            String text = enabled.get().text();
            if (text.equalsIgnoreCase("false")) {
                LOG.log(System.Logger.Level.DEBUG, ENABLED + "=false: EventCore registers no health check");
                return;
            }
            if (!text.equalsIgnoreCase("true")) {
                discovery.addDefinitionError(new DeploymentException(
                        CdiMessages.invalidHealthSetting(ENABLED, enabled.get().source(), text, "true or false")));
                return;
            }
        }
        Duration maxLag;
        try {
            maxLag = projectionLag(Settings.of(PROJECTION_LAG));
        } catch (IllegalArgumentException e) {
            discovery.addDefinitionError(new DeploymentException(e.getMessage(), e));
            return;
        }
        HealthBridge.register(discovery, beans, projections, maxLag);
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

    static boolean present(ClassLoader loader) {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, loader);
            Class.forName("org.eclipse.microprofile.health.Readiness", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
