package org.eventcore.cdi.internal;

/**
 * The application is missing what its durable projections need (a bean, the global log): a mistake
 * of the deployment, which waiting does not mend, unlike beans that cannot be created yet while the
 * application starts.
 */
final class ProjectionSetupException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ProjectionSetupException(String message) {
        super(message);
    }
}
