package com.qualityreview.system;

/** What was asked for does not exist (an execution id, a review, a report file): 404 in the API. */
public class NotFoundException extends CommandException {
    public NotFoundException(String message) {
        super(message);
    }
}
