package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Function;
import org.eventcore.jpa.messages.JpaMessages;

/**
 * The store's {@link EntityManagerAccess} for a JTA persistence unit used outside a container-managed
 * persistence context (Java SE with a standalone transaction manager such as Narayana, or a server
 * application that bootstraps its own unit). Each JTA transaction gets one entity manager: created
 * from the factory on first use, {@linkplain EntityManager#joinTransaction() joined} to the
 * transaction, kept as a resource of the {@link TransactionSynchronizationRegistry}, and closed when
 * the transaction completes. Every store call in one transaction therefore sees the same persistence
 * context, and its writes commit or roll back with everything else in that transaction.
 *
 * <pre>{@code
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("eventcore-jta", Map.of(
 *         "jakarta.persistence.jtaDataSource", dataSource));
 * JtaJpa jpa = JtaJpa.create(emf, registry);
 * JpaEventStore store = JpaEventStore.create(jpa, serializer, JpaStoreSettings.DEFAULT);
 * CommandExecutor executor = CommandExecutor.create(store,
 *         ExecutorSettings.DEFAULT.withBoundary(JtaAttemptBoundary.create(transactionManager)));
 * }</pre>
 *
 * <p>Contract: the store must be called inside an active JTA transaction; {@link JtaAttemptBoundary}
 * begins one per attempt of a command. Without one every call fails with an
 * {@link IllegalStateException} (EC3010), a mistake of the caller; when the current one timed out or
 * was marked for rollback, with a retriable {@link org.eventcore.StoreUnavailableException} (EC3017),
 * since a new attempt in a new transaction may succeed. In neither case is an entity manager
 * created. In a Jakarta EE server, prefer the container's transaction-scoped entity manager
 * through {@link #containerManaged(EntityManager)}.
 *
 * <p>Thread-safe: the registry resolves the transaction of the calling thread. An entity manager is
 * used only by the thread of its transaction, as JTA associates a transaction with one thread at a
 * time. Nothing is ever null.
 */
public final class JtaJpa implements EntityManagerAccess {

    private static final System.Logger LOG = System.getLogger(JtaJpa.class.getName());

    private final EntityManagerFactory factory;
    private final TransactionSynchronizationRegistry registry;
    /** The key of this instance's entity manager among the transaction's resources. */
    private final Object resourceKey = new Object();

    private JtaJpa(EntityManagerFactory factory, TransactionSynchronizationRegistry registry) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Entity managers of {@code factory} (a persistence unit with transaction type JTA), one per
     * transaction of {@code registry}.
     */
    public static JtaJpa create(EntityManagerFactory factory, TransactionSynchronizationRegistry registry) {
        return new JtaJpa(factory, registry);
    }

    /**
     * Access through a container-managed, transaction-scoped entity manager, used as it is: in a
     * Jakarta EE server, inject it with {@code @PersistenceContext} and pass the injected proxy. The
     * container binds it to the current JTA transaction, joins and flushes it, and closes it at the
     * end of the transaction, so this access adds nothing. Call the store inside a transaction (the
     * attempt's, begun by {@link JtaAttemptBoundary} or by a {@code @Transactional} bean): outside one,
     * the container's entity manager refuses to write and the store's locks do not hold.
     *
     * <pre>{@code
     * @PersistenceContext(unitName = "eventcore") EntityManager em;
     *
     * JpaEventStore store = JpaEventStore.create(JtaJpa.containerManaged(em), serializer, settings);
     * }</pre>
     *
     * @param em the container's transaction-scoped entity manager (its proxy), not an entity
     *     manager created by the application
     */
    public static EntityManagerAccess containerManaged(EntityManager em) {
        return new ContainerManaged(Objects.requireNonNull(em, "em"));
    }

    @Override
    public <T> T withEntityManager(Function<EntityManager, T> work) {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            throw noActiveTransaction();
        }
        if (status != Status.STATUS_ACTIVE) {
            // the transaction timed out or was marked for rollback: a fresh attempt may succeed
            throw new org.eventcore.StoreUnavailableException(JpaMessages.jtaTransactionNotActive(statusName(status)));
        }
        EntityManager em = (EntityManager) registry.getResource(resourceKey);
        if (em == null) {
            em = open();
        }
        return work.apply(em);
    }

    /** Creates the entity manager of the current transaction, joins it and arranges its closing. */
    private EntityManager open() {
        EntityManager em = factory.createEntityManager();
        try {
            em.joinTransaction();
            registry.registerInterposedSynchronization(new CloseAtCompletion(em));
            registry.putResource(resourceKey, em);
            return em;
        } catch (RuntimeException | Error e) {
            em.close();
            throw e;
        }
    }

    static IllegalStateException noActiveTransaction() {
        return new IllegalStateException(JpaMessages.noActiveJtaTransaction());
    }

    /** The name of a {@link Status} code, for messages. */
    static String statusName(int status) {
        return switch (status) {
            case Status.STATUS_ACTIVE -> "active";
            case Status.STATUS_MARKED_ROLLBACK -> "marked for rollback";
            case Status.STATUS_PREPARED -> "prepared";
            case Status.STATUS_COMMITTED -> "committed";
            case Status.STATUS_ROLLEDBACK -> "rolled back";
            case Status.STATUS_UNKNOWN -> "in an unknown state";
            case Status.STATUS_NO_TRANSACTION -> "absent";
            case Status.STATUS_PREPARING -> "preparing";
            case Status.STATUS_COMMITTING -> "committing";
            case Status.STATUS_ROLLING_BACK -> "rolling back";
            default -> "in status " + status;
        };
    }

    /** Closes the transaction's entity manager once the transaction has completed. */
    private record CloseAtCompletion(EntityManager em) implements Synchronization {

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            try {
                if (em.isOpen()) {
                    em.close();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, JpaMessages.entityManagerCloseFailed(), e);
            }
        }
    }

    /** A container-managed entity manager, used as it is. */
    private record ContainerManaged(EntityManager em) implements EntityManagerAccess {

        @Override
        public <T> T withEntityManager(Function<EntityManager, T> work) {
            return work.apply(em);
        }
    }
}
