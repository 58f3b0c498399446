package org.eventcore.sample.web.infrastructure;

import jakarta.ejb.Singleton;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The persistence unit's transaction-scoped entity manager, for {@code @Inject EntityManager} in the
 * sample's CDI beans. It is injected here, into an EJB, because an EJB gets its resources from its
 * own naming context wherever it is created: a CDI bean created outside a request (the durable
 * projections start with the application, and their runners work on threads of their own) would
 * look {@code @PersistenceContext} up in a naming context that Payara has not set up there.
 */
@Singleton
public class PersistenceResources {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    /** The container-managed entity manager: thread-safe, joined to the caller's JTA transaction. */
    @Produces
    public EntityManager entityManager() {
        return em;
    }
}
