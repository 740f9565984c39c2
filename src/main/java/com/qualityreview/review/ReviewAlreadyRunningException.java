package com.qualityreview.review;

/** A review of this period and revision is running already (here or on another machine). */
public class ReviewAlreadyRunningException extends RuntimeException {
    public ReviewAlreadyRunningException(Period period, int revision) {
        super("the review of " + period + " revision " + revision + " is already running");
    }
}
