package org.eventcore.cdi.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eventcore.cdi.Projection;
import org.eventcore.spi.CheckpointStore;
import org.eventcore.spi.EventStore;

/**
 * The portable extension: checks at deployment that the application provides exactly one
 * {@link EventStore} bean (there is never a silent in-memory fallback), and captures the handlers of
 * durable projections (observers qualified with {@link Projection}), which the projections' runners
 * call directly.
 */
public class EventCoreExtension implements Extension {

    private final Map<String, List<ObserverMethod<?>>> projections = new ConcurrentHashMap<>();

    /** Captures the observers qualified with {@link Projection}: the handlers of durable projections. */
    void captureProjectionHandlers(@Observes ProcessObserverMethod<?, ?> event) {
        ObserverMethod<?> observer = event.getObserverMethod();
        for (Annotation qualifier : observer.getObservedQualifiers()) {
            if (!(qualifier instanceof Projection projection)) {
                continue;
            }
            String where = observer.getBeanClass().getName();
            if (observer.isAsync()) {
                event.addDefinitionError(new DefinitionException("EC2042 The handler of durable projection \""
                        + projection.value() + "\" in " + where + " uses @ObservesAsync; the projection's runner calls"
                        + " its handlers in log order inside its transaction: use @Observes"));
            } else if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
                event.addDefinitionError(new DefinitionException("EC2043 The handler of durable projection \""
                        + projection.value() + "\" in " + where + " names a transaction phase ("
                        + observer.getTransactionPhase()
                        + "); it runs inside the runner's transaction: remove during"));
            } else {
                try {
                    CheckpointStore.requireValidName(projection.value());
                    projections
                            .computeIfAbsent(projection.value(), k -> new CopyOnWriteArrayList<>())
                            .add(observer);
                } catch (IllegalArgumentException e) {
                    event.addDefinitionError(new DefinitionException(
                            "EC2044 Invalid durable projection name in " + where + ": " + e.getMessage(), e));
                }
            }
        }
    }

    /** The handlers of each durable projection, by name. */
    public Map<String, List<ObserverMethod<?>>> projections() {
        return Collections.unmodifiableMap(projections);
    }

    void validate(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        Set<Bean<?>> stores = beans.getBeans(EventStore.class);
        if (stores.isEmpty()) {
            validation.addDeploymentProblem(new DeploymentException("EC2001 EventCore needs an EventStore bean, and the"
                    + " application has none. Produce one, for example: @Produces @ApplicationScoped EventStore"
                    + " store(EntityManager em) { return JpaEventStore.create(JtaJpa.containerManaged(em), serializer,"
                    + " JpaStoreSettings.DEFAULT); }"));
        } else if (beans.resolve(stores) == null) {
            validation.addDeploymentProblem(new DeploymentException("EC2002 EventCore found several EventStore beans: "
                    + stores.stream()
                            .map(Bean::getBeanClass)
                            .map(Class::getName)
                            .collect(Collectors.joining(", "))
                    + ". Keep one, or mark the one to use @Alternative with a priority"));
        }
    }
}
