package org.klpconvert.elf;

import java.io.IOException;

/**
 * Root of the project's checked exceptions. Every failure a user can cause with bad input is
 * one of its subclasses, so a front end catches this one type and prints its message.
 */
public class KlpException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message.
     *
     * @param message the message, naming the file and the place
     */
    public KlpException(String message) {
        super(message);
    }

    /**
     * An error with a message and the exception that caused it.
     *
     * @param message the message, naming the file and the place
     * @param cause the underlying exception
     */
    public KlpException(String message, Throwable cause) {
        super(message, cause);
    }
}
