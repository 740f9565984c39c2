package com.qualityreview.system;

/** The request clashes with the state of things (already running, not running): 409 in the API. */
public class ConflictException extends CommandException {
    public ConflictException(String message) {
        super(message);
    }
}
