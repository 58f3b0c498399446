package org.eventcore.cdi.messages;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.eventcore.Identifiers;
import org.eventcore.messages.MessageId;

/**
 * The messages of eventcore-cdi (EC20xx): one method per message id, each returning the whole text of
 * its message, id first. The portable extension's definition and deployment problems, the bus's and
 * the durable projections' exceptions, and what the module logs and reports as a projection's status
 * are written here and nowhere else.
 *
 * <p>Not API: methods may change, ids and meanings stay; the manual lists them (messages page).
 */
public final class CdiMessages {

    private CdiMessages() {}

    /** The application has no {@code EventStore} bean, so the deployment fails. */
    @MessageId(2001)
    public static String noEventStore() {
        return "EC2001 EventCore needs an EventStore bean, and the application has none. Produce one, for example:"
                + " @Produces @ApplicationScoped EventStore store(EntityManager em) { return"
                + " JpaEventStore.create(JtaJpa.containerManaged(em), serializer, JpaStoreSettings.DEFAULT); }";
    }

    /** The application has several {@code EventStore} beans and none is the one alternative to use, so the deployment fails. */
    @MessageId(2002)
    public static String severalEventStores(List<String> beanClasses) {
        return "EC2002 EventCore found several EventStore beans: " + String.join(", ", beanClasses)
                + ". Keep one, or mark the one to use @Alternative with a priority";
    }

    /** {@code EventContext} was injected outside EventCore's dispatch of an event to in-transaction observers. */
    @MessageId(2003)
    public static String eventContextOutsideDispatch() {
        return "EC2003 EventContext can only be injected into observers called while EventCore dispatches an event"
                + " inside the command's transaction (an inline projection)";
    }

    /** There is no JTA {@code TransactionSynchronizationRegistry}, neither as a CDI bean nor in JNDI. */
    @MessageId(2004)
    public static String noTransactionRegistry(List<String> jndiNames, Throwable failure) {
        return "EC2004 EventCore needs the server's JTA TransactionSynchronizationRegistry, and there is neither a CDI"
                + " bean of that type nor an entry " + jndiNames + " in JNDI (" + failure + "): run on a Jakarta EE"
                + " server, or in Java SE add a JTA implementation with its CDI extension";
    }

    /** A command executed in the caller's transaction met a conflict, so that transaction is marked for rollback. */
    @MessageId(2010)
    public static String conflictInCallerTransaction(String commandType, List<?> conflicts) {
        return "EC2010 Command " + commandType + " met a conflict on " + conflicts
                + " inside the caller's transaction, where it cannot be retried: the caller's transaction is"
                + " marked for rollback. Execute the command outside a transaction (not from a @Transactional"
                + " method or a container-managed EJB) to let the bus retry it in a fresh transaction";
    }

    /** The {@code @CommandRetry} of a command has a value out of range. */
    @MessageId(2011)
    public static String invalidCommandRetry(String commandType, String problem) {
        return "EC2011 @CommandRetry on " + commandType + " is invalid: " + problem;
    }

    /** The application produces several {@code RetryPolicy} beans. */
    @MessageId(2012)
    public static String severalRetryPolicies() {
        return "EC2012 The application produces several RetryPolicy beans; keep one, the policy of every command"
                + " without @CommandRetry";
    }

    /** The caller principal could not be read, so commands run without a user (logged as a warning). */
    @MessageId(2013)
    public static String callerPrincipalUnreadable(Throwable failure) {
        return "EC2013 The caller principal could not be read (" + failure
                + "): commands run without a user, and those that need one reject";
    }

    /** The caller's roles could not be checked, so commands see the user in no role (logged as a warning). */
    @MessageId(2014)
    public static String callerRolesUnreadable(Collection<String> declaredRoles, Throwable failure) {
        return "EC2014 The caller's roles " + declaredRoles + " could not be checked (" + failure
                + "): commands see the user in no role. Jakarta Security's SecurityContext is needed";
    }

    /** {@code DurableProjections} was asked about a projection that does not exist. */
    @MessageId(2041)
    public static String noSuchProjection(String name, Collection<String> projections) {
        return "EC2041 There is no durable projection " + Identifiers.quote(name) + "; the projections are "
                + new TreeSet<>(projections);
    }

    /** A handler of a durable projection uses {@code @ObservesAsync}, so the deployment fails. */
    @MessageId(2042)
    public static String asyncProjectionHandler(String projection, String beanClass) {
        return "EC2042 The handler of durable projection " + Identifiers.quote(projection) + " in " + beanClass
                + " uses @ObservesAsync; the projection's runner calls its handlers in log order inside its"
                + " transaction: use @Observes";
    }

    /** A handler of a durable projection names a transaction phase, so the deployment fails. */
    @MessageId(2043)
    public static String projectionHandlerWithTransactionPhase(String projection, String beanClass, String phase) {
        return "EC2043 The handler of durable projection " + Identifiers.quote(projection) + " in " + beanClass
                + " names a transaction phase (" + phase + "); it runs inside the runner's transaction: remove"
                + " during";
    }

    /** The name of a {@code @Projection} is not a valid projection name, so the deployment fails. */
    @MessageId(2044)
    public static String invalidProjectionName(String beanClass, String problem) {
        return "EC2044 Invalid durable projection name in " + beanClass + ": " + problem;
    }

    /** Durable projections need the global log, and neither a {@code GlobalLogReader} bean nor the {@code EventStore} bean offers it. */
    @MessageId(2045)
    public static String noGlobalLog(Collection<String> projections, String storeClass) {
        return "EC2045 Durable projections " + projections + " need the global log, and the EventStore bean ("
                + storeClass + ") does not offer it: produce the store @Singleton (no client proxy) or also produce"
                + " it as a GlobalLogReader bean";
    }

    /** Durable projections need a {@code CheckpointStore} bean and a {@code ProjectionLeases} bean. */
    @MessageId(2046)
    public static String noCheckpointStoreOrLeases(Collection<String> projections) {
        return "EC2046 Durable projections " + projections + " need a CheckpointStore bean and a ProjectionLeases"
                + " bean, for example JpaCheckpointStore and JpaProjectionLeases over the application's entity"
                + " manager";
    }

    /** There is no managed executor: the server's default is missing and the application produces no {@code @EventCoreExecutor} executor. */
    @MessageId(2047)
    public static String noManagedExecutor(String purpose, String serverDefault, Throwable failure) {
        return "EC2047 " + purpose + " a managed executor: the server's default (" + serverDefault
                + ") is not available here (" + failure + "), so produce one: @Produces @EventCoreExecutor Executor";
    }

    /** An observer of {@code StoredEvent<X>}, where {@code X} is an interface or abstract class, can never hear an event, so the deployment fails. */
    @MessageId(2048)
    public static String envelopeObserverHearsNothing(String beanClass, String problem) {
        return "EC2048 An observer in " + beanClass + " " + problem;
    }

    /** The application observes {@code StoredEvent} envelopes in a container that is not Weld, so the deployment fails. */
    @MessageId(2049)
    public static String envelopeObserversOutsideWeld(Collection<String> beanClasses) {
        return "EC2049 " + beanClasses
                + " observe StoredEvent envelopes, which EventCore can fire only in a Weld container (WildFly,"
                + " Payara, Weld SE): this container is not. Observe the payload type and inject EventContext"
                + " instead, or make the observer a durable projection's handler";
    }

    /** A command found through its generated stream declarations cannot be executed, or the declarations cannot be created, so the deployment fails. */
    @MessageId(2050)
    public static String unusableStreamDeclarations(String declarations, Throwable failure) {
        if (failure instanceof ReflectiveOperationException) {
            return "EC2050 The stream declarations " + declarations
                    + " cannot be created: they need a public no-argument constructor";
        }
        return "EC2050 The command declared by " + declarations + " cannot be executed: " + failure.getMessage();
    }

    /** Two classes give {@code @ProjectionOptions} for the same durable projection, so the deployment fails. */
    @MessageId(2051)
    public static String projectionOptionsTwice(String firstClass, String secondClass, String projection) {
        return "EC2051 Both " + firstClass + " and " + secondClass + " give @ProjectionOptions for durable projection "
                + Identifiers.quote(projection) + ": keep them on one class";
    }

    /** {@code @ProjectionOptions} name a durable projection that has no handler, so the deployment fails. */
    @MessageId(2052)
    public static String projectionOptionsWithoutHandler(
            String optionsClass, String projection, Collection<String> projections) {
        return "EC2052 " + optionsClass + " gives @ProjectionOptions for durable projection "
                + Identifiers.quote(projection) + ", which has no handler; the projections are "
                + new TreeSet<>(projections);
    }

    /** A value of {@code @ProjectionOptions} is out of range, so the deployment fails. */
    @MessageId(2053)
    public static String invalidProjectionOptions(String projection, String optionsClass, String problem) {
        return "EC2053 The @ProjectionOptions of durable projection " + Identifiers.quote(projection) + " on "
                + optionsClass + " are invalid: " + problem;
    }

    /**
     * Durable projections could not start when the application started, and start in the background as
     * soon as they can.
     */
    @MessageId(2054)
    public static String projectionsNotStartedYet(
            Collection<String> projections, Throwable failure, Duration retryFor, boolean databaseRefused) {
        // a projection's status (no projections named) says only why, if known; the log says all
        if (projections.isEmpty()) {
            return failure == null ? "EC2054 not started yet" : "EC2054 not started yet: " + failure;
        }
        return "EC2054 Durable projections " + projections + " could not start (" + failure
                + "); trying again for up to " + retryFor.toMinutes() + " minutes"
                + (databaseRefused ? ": the database refused, see the cause" : "");
    }

    /**
     * Durable projections did not start (the wait for the application was interrupted, or they could not
     * start in time or met a configuration error), so a projection cannot rebuild.
     */
    @MessageId(2055)
    public static String projectionsNotRunning(String rebuilding, Collection<String> projections, Object why) {
        // rebuilding: the projection asked to rebuild, why the status it is in; else why the start ended
        if (rebuilding != null) {
            return "EC2055 Durable projection " + Identifiers.quote(rebuilding)
                    + " is not running, so it cannot rebuild: " + why;
        }
        if (why instanceof InterruptedException) {
            return "EC2055 not started: interrupted while waiting for the application";
        }
        return "EC2055 Durable projections " + projections + " could not start: " + why;
    }

    /** The application has upcaster beans but no {@code EventTypeRegistry} bean that EventCore can check them in. */
    @MessageId(2056)
    public static String upcastersWithoutRegistry(List<String> upcasters) {
        return "EC2056 The application has upcaster beans " + upcasters + " but no EventTypeRegistry bean, so"
                + " EventCore cannot check at deployment that they form valid chains and are used. Produce the"
                + " registry as a bean with them: @Produces @Singleton EventTypeRegistry types(EventUpcasters"
                + " upcasters) { return EventTypeRegistry.builder().registerSealed(...).upcasters(upcasters).build(); }";
    }

    /** Building the application's {@code EventTypeRegistry} bean failed at deployment. */
    @MessageId(2057)
    public static String invalidRegistry(String bean, String problem) {
        return "EC2057 The EventTypeRegistry bean " + bean + " cannot be built: " + problem;
    }

    /** An upcaster bean is not among the upcasters of the application's {@code EventTypeRegistry}. */
    @MessageId(2058)
    public static String upcasterNotRegistered(String upcaster, String registry) {
        return "EC2058 The upcaster bean " + upcaster + " is not in the EventTypeRegistry produced by " + registry
                + ", so it would never run: pass the injected EventUpcasters to the registry's builder"
                + " (builder().upcasters(upcasters)), or remove the bean";
    }

    /**
     * The application's {@code EventTypeRegistry} bean could not be created when the application started
     * (its beans were not ready); it is checked when first used.
     */
    @MessageId(2059)
    public static String registryNotCreatedYet(String bean, String cause) {
        return "EC2059 The EventTypeRegistry bean " + bean + " cannot be created yet (" + cause
                + "); its upcasters are checked when it is first used";
    }

    /** The application produces several {@code Snapshots} beans. */
    @MessageId(2060)
    public static String severalSnapshots() {
        return "EC2060 The application produces several org.eventcore.execution.Snapshots beans; keep one, where"
                + " the command bus stores the snapshots of @CachedState commands";
    }

    /** The state cache size property is not a number of entries. */
    @MessageId(2061)
    public static String invalidStateCacheSize(String source, String value) {
        return "EC2061 The property eventcore.state-cache.size (from " + source + ") is \"" + value
                + "\"; it is the number of command states the bus keeps, a whole number from 0 (no cache) up";
    }

    /** Bean Validation found a command invalid before its first attempt. */
    @MessageId(2062)
    public static String invalidCommand(String commandType, java.util.List<String> violations) {
        return "EC2062 Command " + commandType + " is invalid, nothing was written: " + String.join("; ", violations);
    }

    /** A health setting has a value it cannot take. */
    @MessageId(2063)
    public static String invalidHealthSetting(String property, String source, String value, String expected) {
        return "EC2063 The property " + property + " (from " + source + ") is \"" + value + "\"; it is " + expected;
    }
}
