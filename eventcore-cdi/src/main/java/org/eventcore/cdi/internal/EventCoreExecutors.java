package org.eventcore.cdi.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import org.eventcore.cdi.EventCoreExecutor;

/**
 * The executor EventCore runs asynchronous commands and durable projections on: the application's
 * {@link EventCoreExecutor} bean, else the server's default managed executor. Never a thread of our
 * own.
 */
@ApplicationScoped
public class EventCoreExecutors {

    @Inject
    @EventCoreExecutor
    Instance<Executor> executor;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService managedExecutor;

    /**
     * The executor for {@code purpose} (a phrase such as "executeAsync needs").
     *
     * @throws IllegalStateException (EC2047) if there is none
     */
    Executor require(String purpose) {
        Executor runOn = executor.isResolvable() ? executor.get() : managedExecutor;
        if (runOn == null) {
            throw new IllegalStateException("EC2047 " + purpose + " a managed executor: the server's default"
                    + " (java:comp/DefaultManagedExecutorService) is not available, so produce one:"
                    + " @Produces @EventCoreExecutor Executor");
        }
        return runOn;
    }
}
