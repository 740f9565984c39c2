package com.qualityreview.system;

/** A command failed for a reason a person can act on; the message is printed as one line. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure on one line, for a person: what went wrong in words, naming the setting or file,
     * and what to do (the cause chain belongs in the log).
     */
    public static String oneLine(Throwable failure) {
        return FailureText.oneLine(failure, null);
    }

    /** As {@link #oneLine(Throwable)}, naming the database (a JDBC URL, shown without its settings) if it does not answer. */
    public static String oneLine(Throwable failure, String database) {
        return FailureText.oneLine(failure, database);
    }
}
