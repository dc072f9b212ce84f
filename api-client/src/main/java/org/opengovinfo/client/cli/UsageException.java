package org.opengovinfo.client.cli;

/** The command line or an input file is wrong; the message says how. Exit code 64. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
