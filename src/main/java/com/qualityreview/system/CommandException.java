package com.qualityreview.system;

/** A command failed for a reason a person can act on; the message is printed as one line. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }
}
