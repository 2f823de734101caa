package org.klpconvert.elf;

import java.io.IOException;

/**
 * Root of the project's checked exceptions. Every failure a user can cause with bad input is
 * one of its subclasses, so a front end catches this one type and prints its message.
 */
public class KlpException extends IOException {
    private static final long serialVersionUID = 1L;

    public KlpException(String message) {
        super(message);
    }

    public KlpException(String message, Throwable cause) {
        super(message, cause);
    }
}
