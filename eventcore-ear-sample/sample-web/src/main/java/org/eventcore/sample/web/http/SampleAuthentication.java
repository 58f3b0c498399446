package org.eventcore.sample.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP Basic authentication that reads the {@code Authorization} header defensively: a header that is
 * missing, not Basic, not base64, without a colon, or with an empty name or password is answered like
 * wrong credentials, with 401, a {@code WWW-Authenticate} challenge and the API's problem JSON (written
 * by the error page, {@link ErrorPage}), never a server error page with a stack trace. Valid credentials are checked by the identity store. (Jakarta Security's built-in
 * Basic mechanism answered a malformed header with a 500 and a stack trace.)
 */
@ApplicationScoped
public class SampleAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "eventcore-sample";

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return context.isProtected()
                    ? unauthorized(
                            request,
                            response,
                            context,
                            "this API needs HTTP Basic credentials of one of the sample's users")
                    : context.doNothing();
        }
        Optional<UsernamePasswordCredential> credential = basic(header);
        if (credential.isEmpty()) {
            return unauthorized(
                    request, response, context, "the Authorization header is not valid HTTP Basic credentials");
        }
        CredentialValidationResult result = identities.validate(credential.get());
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        return unauthorized(request, response, context, "unknown user or wrong password");
    }

    /** The credential of a well-formed {@code Basic} header: name and password both non-empty. */
    static Optional<UsernamePasswordCredential> basic(String header) {
        if (header.length() < 6
                || !header.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /**
     * A 401 with the challenge; the server sends it through web.xml's error page ({@link ErrorPage}),
     * which writes the problem JSON with {@code detail}.
     */
    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String detail) {
        request.setAttribute(ErrorPage.DETAIL, detail);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }
}
