package org.eventcore.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * EventCore's readiness check, {@value HealthBridge#CHECK}: the store and every durable projection
 * ({@link HealthBridge#readiness}). A bean of this archive like the application's own checks, so that
 * every server's health extension finds it. Where the MicroProfile Health API is missing, the container
 * cannot load this class and makes no bean of it; {@code eventcore.health.enabled=false} vetoes it
 * ({@link HealthChecks}).
 */
@Readiness
@ApplicationScoped
public class EventCoreReadiness implements HealthCheck {

    @Inject
    EventCoreExtension extension;

    @Override
    public HealthCheckResponse call() {
        return HealthBridge.readiness(extension);
    }
}
