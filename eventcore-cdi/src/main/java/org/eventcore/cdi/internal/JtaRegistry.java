package org.eventcore.cdi.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.eventcore.cdi.messages.CdiMessages;

/**
 * Finds the server's {@link TransactionSynchronizationRegistry}: the CDI bean where the container
 * offers one (WildFly, Narayana's CDI extension in Java SE), else through JNDI, under the portable
 * name and then Payara's global name (Payara has no such bean). Looked up when first needed, on a
 * thread of the application, since a library jar cannot inject {@code java:comp} resources on every
 * server.
 */
final class JtaRegistry {

    private static final List<String> NAMES = List.of(
            "java:comp/TransactionSynchronizationRegistry", "java:appserver/TransactionSynchronizationRegistry");

    private JtaRegistry() {}

    /** @throws IllegalStateException (EC2004) if the server offers none */
    static TransactionSynchronizationRegistry resolve(Instance<TransactionSynchronizationRegistry> bean) {
        if (bean.isResolvable()) {
            return bean.get();
        }
        return JndiNames.lookUpFirst(
                NAMES,
                failure -> new IllegalStateException(CdiMessages.noTransactionRegistry(NAMES, failure), failure));
    }
}
