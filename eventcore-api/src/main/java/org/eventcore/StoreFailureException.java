package org.eventcore;

/**
 * The store refused an operation for a reason a retry cannot fix: a permission the application's
 * database role lacks, a value the schema does not accept, a schema that is missing or of another
 * version. The message names the operation and, for a database, the SQL state. Permanent.
 */
public class StoreFailureException extends EventCoreException {

    public StoreFailureException(String message) {
        super(message);
    }

    public StoreFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
