package com.qualityreview.system;

/** A command failed for a reason a person can act on; the message is printed as one line. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }

    /** The innermost cause's message on one line: what a person needs from a failure. */
    public static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.replace('\n', ' ');
    }
}
