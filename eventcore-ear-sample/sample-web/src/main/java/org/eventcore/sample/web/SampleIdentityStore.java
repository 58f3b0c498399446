package org.eventcore.sample.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * The sample's users: alice, bob and carol, each with the password {@code <name>-secret}, all in the
 * group {@code customer}, authenticated with HTTP Basic (the mechanism is declared here, on a bean, where
 * the container's Jakarta Security implementation finds it). A real application would use a database
 * or LDAP identity store instead.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "eventcore-sample")
public class SampleIdentityStore implements IdentityStore {

    /** The role (and group) every sample user has. */
    public static final String CUSTOMER = "customer";

    private static final Map<String, String> PASSWORDS =
            Map.of("alice", "alice-secret", "bob", "bob-secret", "carol", "carol-secret");

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && login.getPassword() != null
                && login.compareTo(login.getCaller(), PASSWORDS.getOrDefault(login.getCaller(), null))) {
            return new CredentialValidationResult(login.getCaller(), Set.of(CUSTOMER));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
