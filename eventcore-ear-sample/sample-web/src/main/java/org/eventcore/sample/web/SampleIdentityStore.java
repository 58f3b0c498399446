package org.eventcore.sample.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;
import org.eventcore.console.ConsoleRoles;
import org.eventcore.sample.Limits;

/**
 * The sample's users, each with the password {@code <name>-secret}: alice, bob and carol are
 * customers; dora is a customer and a clerk (she adds stock, ships and cancels any order, and sees every
 * account). A real application would use a database or LDAP identity store instead. {@code @DeclareRoles}
 * names the roles EventCore tells commands about ({@code decision.execution().isInRole}).
 */
@ApplicationScoped
@DeclareRoles({Limits.CUSTOMER, Limits.CLERK, ConsoleRoles.VIEWER, ConsoleRoles.OPERATOR})
public class SampleIdentityStore implements IdentityStore {

    private static final Map<String, Set<String>> USERS = Map.of(
            "alice", Set.of(Limits.CUSTOMER),
            "bob", Set.of(Limits.CUSTOMER),
            "carol", Set.of(Limits.CUSTOMER),
            "dora", Set.of(Limits.CUSTOMER, Limits.CLERK, ConsoleRoles.OPERATOR),
            "vera", Set.of(ConsoleRoles.VIEWER));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && login.getCaller() != null
                && USERS.containsKey(login.getCaller())
                && login.compareTo(login.getCaller(), login.getCaller() + "-secret")) {
            return new CredentialValidationResult(login.getCaller(), USERS.get(login.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
