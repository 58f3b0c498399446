package org.eventcore.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import org.eventcore.cdi.EventCoreExecutor;
import org.eventcore.cdi.messages.CdiMessages;

/**
 * The executor EventCore runs asynchronous commands and durable projections on: the application's
 * {@link EventCoreExecutor} bean, else the server's default managed executor. Never a thread of our
 * own.
 *
 * <p>The default executor is looked up when first needed, not injected with {@code @Resource}: this
 * bean lives in a library jar, and a server binds the portable name {@code
 * java:comp/DefaultManagedExecutorService} only for the components of a module (WildFly refuses the
 * deployment of an EAR whose {@code lib/} jar injects it, and durable projections start before any
 * component runs). So after the portable name come the global names under which WildFly and Payara
 * bind the same default executor; the server-specific knowledge is these two strings.
 */
@ApplicationScoped
public class EventCoreExecutors {

    @Inject
    @EventCoreExecutor
    Instance<Executor> executor;

    private static final String SERVER_DEFAULT = "java:comp/DefaultManagedExecutorService";

    /** The portable name, then WildFly's and Payara's global names of the same executor. */
    private static final java.util.List<String> NAMES = java.util.List.of(
            SERVER_DEFAULT, "java:jboss/ee/concurrency/executor/default", "concurrent/__defaultManagedExecutorService");

    private volatile Executor serverDefault;

    /**
     * The executor for {@code purpose} (a phrase such as "executeAsync needs").
     *
     * @throws IllegalStateException (EC2047) if there is none
     */
    Executor require(String purpose) {
        if (executor.isResolvable()) {
            return executor.get();
        }
        Executor found = serverDefault;
        if (found == null) {
            found = JndiNames.lookUpFirst(
                    NAMES,
                    failure -> new IllegalStateException(
                            CdiMessages.noManagedExecutor(purpose, SERVER_DEFAULT, failure), failure));
            serverDefault = found;
        }
        return found;
    }
}
