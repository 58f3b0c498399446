package org.eventcore.cdi.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eventcore.StreamDeclarations;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.ProjectionOptions;
import org.eventcore.cdi.messages.CdiMessages;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionHandler;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.EventUpcaster;
import org.eventcore.spi.EventStore;

/**
 * The portable extension: checks at deployment that the application provides exactly one
 * {@link EventStore} bean (there is never a silent in-memory fallback), and captures the handlers of
 * durable projections (observers qualified with {@link Projection}), which the projections' runners
 * call directly.
 */
public class EventCoreExtension implements Extension {

    private final Map<String, List<ObserverMethod<?>>> projections = new ConcurrentHashMap<>();
    private final List<Class<?>> declarations = new CopyOnWriteArrayList<>();
    private final List<String> envelopeObservers = new CopyOnWriteArrayList<>();
    private final Map<String, ProjectionOptions> options = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> optionsDeclaredBy = new ConcurrentHashMap<>();
    private final List<String> optionProblems = new CopyOnWriteArrayList<>();
    private final List<Bean<?>> stores = new CopyOnWriteArrayList<>();
    private final List<Bean<?>> registries = new CopyOnWriteArrayList<>();
    private final List<Bean<?>> upcasters = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> declaredRoles = new java.util.concurrent.ConcurrentSkipListSet<>();

    /**
     * Finds the stream declarations the annotation processor generated (annotated {@code @Dependent}
     * when the CDI API is on the compile path, so that annotated discovery shows them), to check
     * their commands at deployment. They are not needed as beans.
     */
    <T extends StreamDeclarations<?>> void findCommands(@Observes ProcessAnnotatedType<T> event) {
        declarations.add(event.getAnnotatedType().getJavaClass());
        event.veto();
    }

    /** Collects {@link ProjectionOptions}; two classes giving options for one projection fail the deployment. */
    /**
     * Collects the role names the application declares ({@code @DeclareRoles}) or checks
     * ({@code @RolesAllowed}, on types and methods): the bus tells a command which of them its caller
     * is in.
     */
    <T> void findRoles(
            @Observes
                    @WithAnnotations({
                        jakarta.annotation.security.DeclareRoles.class,
                        jakarta.annotation.security.RolesAllowed.class
                    })
                    ProcessAnnotatedType<T> event) {
        var type = event.getAnnotatedType();
        var declared = type.getAnnotation(jakarta.annotation.security.DeclareRoles.class);
        if (declared != null) {
            declaredRoles.addAll(List.of(declared.value()));
        }
        var allowed = type.getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        if (allowed != null) {
            declaredRoles.addAll(List.of(allowed.value()));
        }
        for (var method : type.getMethods()) {
            var onMethod = method.getAnnotation(jakarta.annotation.security.RolesAllowed.class);
            if (onMethod != null) {
                declaredRoles.addAll(List.of(onMethod.value()));
            }
        }
    }

    /** The role names declared or checked by the application's beans, sorted. */
    public java.util.Set<String> declaredRoles() {
        return java.util.Collections.unmodifiableSet(declaredRoles);
    }

    <T> void findProjectionOptions(
            @Observes @WithAnnotations({ProjectionOptions.class, ProjectionOptions.List.class})
                    ProcessAnnotatedType<T> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        for (ProjectionOptions o : type.getAnnotationsByType(ProjectionOptions.class)) {
            Class<?> earlier = optionsDeclaredBy.putIfAbsent(o.projection(), type);
            if (earlier != null) {
                optionProblems.add(
                        CdiMessages.projectionOptionsTwice(earlier.getName(), type.getName(), o.projection()));
            } else {
                options.put(o.projection(), o);
            }
        }
    }

    /**
     * The definition of the durable projection {@code name} with {@code handler}: the defaults, changed
     * by the application's {@link ProjectionOptions} for it.
     */
    public ProjectionDefinition definition(String name, ProjectionHandler handler) {
        ProjectionDefinition definition = ProjectionDefinition.of(name, handler);
        ProjectionOptions o = options.get(name);
        if (o == null) {
            return definition;
        }
        return definition
                .withErrorPolicy(o.errorPolicy())
                .withBatchSize(o.batchSize())
                .withPollInterval(Duration.ofMillis(o.pollIntervalMillis()))
                .withRetryDelays(
                        Duration.ofMillis(o.retryBaseDelayMillis()), Duration.ofMillis(o.retryMaxDelayMillis()))
                .withLeaseDuration(Duration.ofMillis(o.leaseDurationMillis()));
    }

    /**
     * Notes every bean of type {@link EventStore} with the default qualifier. Counting them here, rather than
     * asking the extension's BeanManager, works on servers whose extension BeanManager does not see the
     * beans of other jars (Payara, for an EAR's lib/).
     */
    void findStores(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (bean.getTypes().contains(EventTypeRegistry.class)) {
            registries.add(bean);
        }
        if (bean.getTypes().stream().anyMatch(EventCoreExtension::isUpcasterType)) {
            upcasters.add(bean);
        }
        if (bean.getTypes().contains(EventStore.class)
                && bean.getQualifiers().stream().anyMatch(q -> q instanceof jakarta.enterprise.inject.Default)) {
            stores.add(bean);
        }
    }

    /** Captures the observers qualified with {@link Projection}: the handlers of durable projections. */
    void captureProjectionHandlers(@Observes ProcessObserverMethod<?, ?> event) {
        ObserverMethod<?> observer = event.getObserverMethod();
        if (EnvelopeTypes.isEnvelope(observer.getObservedType())) {
            String never = EnvelopeTypes.neverHeard(observer.getObservedType());
            if (never != null) {
                event.addDefinitionError(new DefinitionException(CdiMessages.envelopeObserverHearsNothing(
                        observer.getBeanClass().getName(), never)));
            }
            if (observer.getObservedQualifiers().stream().noneMatch(Projection.class::isInstance)) {
                envelopeObservers.add(observer.getBeanClass().getName());
            }
        }
        for (Annotation qualifier : observer.getObservedQualifiers()) {
            if (!(qualifier instanceof Projection projection)) {
                continue;
            }
            String where = observer.getBeanClass().getName();
            if (observer.isAsync()) {
                event.addDefinitionError(
                        new DefinitionException(CdiMessages.asyncProjectionHandler(projection.value(), where)));
            } else if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
                event.addDefinitionError(new DefinitionException(CdiMessages.projectionHandlerWithTransactionPhase(
                        projection.value(),
                        where,
                        observer.getTransactionPhase().toString())));
            } else if (observer.getObservedType() == org.eventcore.cdi.ProjectionReset.class) {
                resets.add(projection.value()); // the projection's reset, not one of its handlers
            } else {
                try {
                    CheckpointStore.requireValidName(projection.value());
                    projections
                            .computeIfAbsent(projection.value(), k -> new CopyOnWriteArrayList<>())
                            .add(observer);
                } catch (IllegalArgumentException e) {
                    event.addDefinitionError(
                            new DefinitionException(CdiMessages.invalidProjectionName(where, e.getMessage()), e));
                }
            }
        }
    }

    private final java.util.Set<String> resets = ConcurrentHashMap.newKeySet();

    /** Whether projection {@code name} has an observer of {@link org.eventcore.cdi.ProjectionReset}. */
    public boolean hasReset(String name) {
        return resets.contains(name);
    }

    /** Whether the application observes envelopes ({@code StoredEvent<P>}) outside durable projections. */
    public boolean observesEnvelopes() {
        return !envelopeObservers.isEmpty();
    }

    /** The handlers of each durable projection, by name. */
    public Map<String, List<ObserverMethod<?>>> projections() {
        return Collections.unmodifiableMap(projections);
    }

    /** A command's {@code @CommandRetry} out of range fails the deployment, as invalid @ProjectionOptions do. */
    private static void checkRetry(Class<?> command, AfterDeploymentValidation validation) {
        try {
            CommandRetries.declaredBy(command);
        } catch (IllegalArgumentException e) {
            validation.addDeploymentProblem(
                    new DeploymentException(CdiMessages.invalidCommandRetry(command.getName(), e.getMessage()), e));
        }
    }

    /** The readiness check's settings, read once, at the first type that could be the check. */
    private volatile HealthChecks.Config health;

    private HealthChecks.Config health() {
        HealthChecks.Config read = health;
        if (read == null) {
            read = HealthChecks.read();
            health = read;
        }
        return read;
    }

    /**
     * Vetoes EventCore's readiness check when its settings switch it off or are wrong. The check's class
     * is compared by name: where the MicroProfile Health API is missing it cannot be loaded, and this
     * observer never sees it.
     */
    <T> void settleReadiness(
            @Observes @WithAnnotations(jakarta.enterprise.context.ApplicationScoped.class)
                    ProcessAnnotatedType<T> event) {
        if (event.getAnnotatedType().getJavaClass().getName().equals(HealthChecks.CHECK_CLASS)) {
            HealthChecks.Config config = health();
            if (!config.enabled()) {
                event.veto();
            }
            LOG.log(
                    System.Logger.Level.DEBUG,
                    config.enabled()
                            ? "EventCore readiness check: eventcore (" + HealthChecks.PROJECTION_LAG + " "
                                    + config.projectionLag() + ")"
                            : "EventCore readiness check switched off");
        }
    }

    /** A wrong health setting fails the deployment (only read where the check's class was found). */
    void reportHealthSettings(@Observes AfterBeanDiscovery discovery) {
        HealthChecks.Config config = health;
        if (config != null && config.problem().isPresent()) {
            discovery.addDefinitionError(
                    new DeploymentException(config.problem().get()));
        }
    }

    /** The readiness check's lag bound. */
    Duration healthProjectionLag() {
        HealthChecks.Config config = health;
        return config == null ? HealthChecks.DEFAULT_PROJECTION_LAG : config.projectionLag();
    }

    /** The application's projections bean, once the application started; see {@link #projectionsStarted}. */
    private volatile CdiDurableProjections projectionsBean;

    /** Called by the projections bean when the application starts, for the health checks. */
    void projectionsStarted(CdiDurableProjections bean) {
        projectionsBean = bean;
    }

    /** The projections bean, or empty before the application started. */
    Optional<CdiDurableProjections> projectionsBean() {
        return Optional.ofNullable(projectionsBean);
    }

    void validate(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        for (String problem : optionProblems) {
            validation.addDeploymentProblem(new DeploymentException(problem));
        }
        for (Map.Entry<String, ProjectionOptions> o : options.entrySet()) {
            String where = optionsDeclaredBy.get(o.getKey()).getName();
            if (!projections.containsKey(o.getKey())) {
                validation.addDeploymentProblem(new DeploymentException(
                        CdiMessages.projectionOptionsWithoutHandler(where, o.getKey(), projections.keySet())));
                continue;
            }
            try {
                definition(o.getKey(), event -> {});
            } catch (IllegalArgumentException e) {
                validation.addDeploymentProblem(new DeploymentException(
                        CdiMessages.invalidProjectionOptions(o.getKey(), where, e.getMessage()), e));
            }
        }
        for (Class<?> d : declarations) {
            try {
                Class<?> command = ((StreamDeclarations<?>) d.getConstructor().newInstance()).commandType();
                CommandExecutor.checkDefinition(command);
                checkRetry(command, validation);
            } catch (ReflectiveOperationException e) {
                validation.addDeploymentProblem(
                        new DeploymentException(CdiMessages.unusableStreamDeclarations(d.getName(), e), e));
            } catch (RuntimeException e) {
                validation.addDeploymentProblem(
                        new DeploymentException(CdiMessages.unusableStreamDeclarations(d.getName(), e), e));
            }
        }
        if (observesEnvelopes() && !Envelopes.supported(beans.getEvent())) {
            validation.addDeploymentProblem(
                    new DeploymentException(CdiMessages.envelopeObserversOutsideWeld(envelopeObservers)));
        }
        checkUpcasters(validation, beans);
        List<Bean<?>> candidates = stores.stream().filter(Bean::isAlternative).toList();
        if (candidates.isEmpty()) {
            candidates = List.copyOf(stores);
        }
        if (stores.isEmpty()) {
            validation.addDeploymentProblem(new DeploymentException(CdiMessages.noEventStore()));
        } else if (candidates.size() > 1) {
            validation.addDeploymentProblem(new DeploymentException(CdiMessages.severalEventStores(candidates.stream()
                    .map(Bean::getBeanClass)
                    .map(Class::getName)
                    .toList())));
        }
    }

    /** The upcaster beans of every bean archive of the deployment. */
    public List<Bean<?>> upcasterBeans() {
        return List.copyOf(upcasters);
    }

    /** A reference to the upcaster bean {@code bean}, asked for by its own {@code EventUpcaster} type. */
    static EventUpcaster<?> upcaster(BeanManager beans, Bean<?> bean) {
        java.lang.reflect.Type type = bean.getTypes().stream()
                .filter(EventCoreExtension::isUpcasterType)
                .findFirst()
                .orElseThrow();
        return (EventUpcaster<?>) beans.getReference(bean, type, beans.createCreationalContext(bean));
    }

    private static boolean isUpcasterType(java.lang.reflect.Type type) {
        Class<?> raw = type instanceof Class<?> c
                ? c
                : type instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : null;
        return raw == EventUpcaster.class;
    }

    /**
     * Upcaster beans without an {@link EventTypeRegistry} bean fail the deployment: nothing could check
     * or apply them. Nothing here creates an application bean: in a server, its EJBs and persistence
     * units are not started yet (see {@link #checkRegistries}).
     */
    private void checkUpcasters(AfterDeploymentValidation validation, BeanManager beans) {
        if (registries.isEmpty() && !upcasters.isEmpty()) {
            List<String> found =
                    upcasters.stream().map(EventCoreExtension::describe).toList();
            validation.addDeploymentProblem(new DeploymentException(CdiMessages.upcastersWithoutRegistry(found)));
        }
    }

    /**
     * Builds each {@link EventTypeRegistry} bean when the application starts, so that a problem of its
     * upcaster chains fails the deployment, and checks that every upcaster bean is one of its steps.
     * A registry whose beans cannot be created yet (Payara starts the application's EJBs after this
     * event) is left to its first use, which reports the same problem.
     *
     * @throws DeploymentException naming every problem found
     */
    void checkRegistries(BeanManager beans) {
        List<String> problems = new java.util.ArrayList<>();
        for (Bean<?> registryBean : registries) {
            EventTypeRegistry registry;
            try {
                registry = (EventTypeRegistry) beans.getReference(
                        registryBean, EventTypeRegistry.class, beans.createCreationalContext(registryBean));
                registry.entries();
            } catch (RuntimeException e) {
                String cause = rootMessage(e);
                if (cause.startsWith("EC15")) {
                    problems.add(CdiMessages.invalidRegistry(describe(registryBean), cause));
                } else {
                    LOG.log(System.Logger.Level.INFO, CdiMessages.registryNotCreatedYet(describe(registryBean), cause));
                }
                continue;
            }
            java.util.Set<String> steps = new java.util.HashSet<>();
            for (EventUpcaster<?> step : registry.upcasters()) {
                steps.add(step.type() + "@" + step.revision());
            }
            for (Bean<?> upcasterBean : upcasters) {
                EventUpcaster<?> step = upcaster(beans, upcasterBean);
                if (!steps.contains(step.type() + "@" + step.revision())) {
                    problems.add(CdiMessages.upcasterNotRegistered(
                            describe(upcasterBean) + " (" + step.type() + " revision " + step.revision() + ")",
                            describe(registryBean)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DeploymentException(String.join("; ", problems));
        }
    }

    private static final System.Logger LOG = System.getLogger(EventCoreExtension.class.getName());

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static String describe(Bean<?> bean) {
        return bean.getBeanClass().getName();
    }
}
