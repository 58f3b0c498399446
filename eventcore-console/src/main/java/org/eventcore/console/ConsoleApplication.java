package org.eventcore.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eventcore.console.internal.ConsoleApi;
import org.eventcore.console.internal.ConsoleErrors;

/**
 * The console's JAX-RS application, under {@code <context-root>/eventcore-console/api}, its one root resource at
 * {@code eventcore}. It lists its classes, so that none of the application's resources or providers joins it; none
 * of its classes carries {@code @Provider}, so that none joins the application's own. An application whose own
 * {@code Application} lists no classes publishes every root resource of the WAR, the console's too: under a path
 * ({@code eventcore}) that an application is unlikely to use for its own, where every method answers 404.
 */
@ApplicationPath(ConsoleApplication.PATH)
@DeclareRoles({ConsoleRoles.VIEWER, ConsoleRoles.OPERATOR})
public class ConsoleApplication extends Application {

    /** The application's path in the WAR. */
    public static final String PATH = "eventcore-console/api";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConsoleApi.class, ConsoleErrors.class);
    }
}
