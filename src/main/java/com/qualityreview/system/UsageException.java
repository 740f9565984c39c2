package com.qualityreview.system;

/**
 * The command line itself is wrong (an unknown command, kind or option, a missing or bad argument):
 * exit status 2, the one line and a pointer to {@code help <command>}, nothing recorded as work done.
 */
public class UsageException extends CommandException {
    public UsageException(String message) {
        super(message);
    }
}
