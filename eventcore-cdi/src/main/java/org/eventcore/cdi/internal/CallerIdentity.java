package org.eventcore.cdi.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.cdi.messages.CdiMessages;
import org.eventcore.execution.ExecutionOptions;

/**
 * The caller a command runs for: the container's caller principal as its user, and the roles the
 * application declares ({@code @DeclareRoles}, {@code @RolesAllowed}) that the caller is in, asked of
 * Jakarta Security's {@code SecurityContext}. Never request data. When the principal or the roles
 * cannot be read, the command runs without them (so a command that needs them rejects), and the
 * failure is logged as a warning (EC2013, EC2014), at most once every ten seconds per kind.
 */
final class CallerIdentity {

    private static final System.Logger LOG = System.getLogger(CallerIdentity.class.getName());
    private static final long QUIET_NANOS = 10_000_000_000L;

    private final Instance<Principal> principal;
    private final Set<String> declaredRoles;
    private final AtomicLong principalWarned = new AtomicLong(System.nanoTime() - QUIET_NANOS);
    private final AtomicLong rolesWarned = new AtomicLong(System.nanoTime() - QUIET_NANOS);

    CallerIdentity(Instance<Principal> principal, Set<String> declaredRoles) {
        this.principal = principal;
        this.declaredRoles = java.util.Collections.unmodifiableSet(new TreeSet<>(declaredRoles));
    }

    /** {@code options} with the caller's user and roles, as far as they can be read on this thread. */
    ExecutionOptions apply(ExecutionOptions options) {
        Optional<String> user = user();
        if (user.isEmpty()) {
            return options;
        }
        return options.withUser(user.get()).withRoles(roles());
    }

    private Optional<String> user() {
        if (!principal.isResolvable()) {
            return Optional.empty();
        }
        String name;
        try {
            Principal caller = principal.get(); // a container's proxy: it asks the security layer only here
            name = caller == null ? null : caller.getName();
        } catch (RuntimeException e) {
            warn(principalWarned, CdiMessages.callerPrincipalUnreadable(e));
            return Optional.empty();
        }
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    private Set<String> roles() {
        if (declaredRoles.isEmpty()) {
            return Set.of();
        }
        try {
            return SecurityRoles.of(declaredRoles);
        } catch (RuntimeException | LinkageError e) {
            warn(rolesWarned, CdiMessages.callerRolesUnreadable(declaredRoles, e));
            return Set.of();
        }
    }

    private static void warn(AtomicLong last, String message) {
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= QUIET_NANOS && last.compareAndSet(before, now)) {
            LOG.log(Level.WARNING, message);
        }
    }

    /** Asks Jakarta Security; loaded only when roles are declared, so that its absence is a warning, not a failure. */
    private static final class SecurityRoles {
        static Set<String> of(Set<String> candidates) {
            Instance<jakarta.security.enterprise.SecurityContext> context =
                    CDI.current().select(jakarta.security.enterprise.SecurityContext.class);
            if (!context.isResolvable()) {
                throw new IllegalStateException("no SecurityContext bean");
            }
            jakarta.security.enterprise.SecurityContext security = context.get();
            Set<String> in = new TreeSet<>();
            for (String role : candidates) {
                if (security.isCallerInRole(role)) {
                    in.add(role);
                }
            }
            return in;
        }
    }
}
