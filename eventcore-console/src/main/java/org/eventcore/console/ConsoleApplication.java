package org.eventcore.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eventcore.console.internal.ConsoleErrors;
import org.eventcore.console.internal.LogResource;
import org.eventcore.console.internal.MeResource;
import org.eventcore.console.internal.ProjectionsResource;

/**
 * The console's JAX-RS application, under {@code <context-root>/eventcore-console/api}. It lists its classes, so
 * that none of the application's resources or providers joins it; none of its classes carries
 * {@code @Provider}, so that none joins the application's own. Its resources answer only under this path
 * (an application whose own {@code Application} lists no classes publishes every resource of the WAR, these too:
 * there they answer 404).
 */
@ApplicationPath(ConsoleApplication.PATH)
@DeclareRoles({ConsoleRoles.VIEWER, ConsoleRoles.OPERATOR})
public class ConsoleApplication extends Application {

    /** The application's path in the WAR. */
    public static final String PATH = "eventcore-console/api";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(LogResource.class, ProjectionsResource.class, MeResource.class, ConsoleErrors.class);
    }
}
