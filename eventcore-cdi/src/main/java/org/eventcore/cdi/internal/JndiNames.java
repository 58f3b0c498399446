package org.eventcore.cdi.internal;

import java.util.List;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Looks a server resource up under several JNDI names: the portable one first, then servers' own. */
final class JndiNames {

    private JndiNames() {}

    /**
     * The object bound under the first of {@code names} that is bound.
     *
     * @param whenNone makes the exception to throw from the first look-up's failure when none is bound
     */
    static <T> T lookUpFirst(List<String> names, Function<Exception, RuntimeException> whenNone) {
        Exception failure = null;
        for (String name : names) {
            try {
                return InitialContext.doLookup(name);
            } catch (NamingException | RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        throw whenNone.apply(failure);
    }
}
