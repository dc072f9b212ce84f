package org.opengovinfo.client;

/** The service could not be reached or did not answer in time, after the retries allowed. */
public class ConnectionException extends RuntimeException {

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
