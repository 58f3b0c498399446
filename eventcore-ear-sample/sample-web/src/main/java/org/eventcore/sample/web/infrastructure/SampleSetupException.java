package org.eventcore.sample.web.infrastructure;

/** The database is not set up the way the sample needs; the message says what to run or grant. */
public final class SampleSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SampleSetupException(String message) {
        super(message);
    }

    public SampleSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
