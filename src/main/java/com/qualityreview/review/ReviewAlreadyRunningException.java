package com.qualityreview.review;

import com.qualityreview.system.ConflictException;

/** A review of this period and revision is running already (here or on another machine). */
public class ReviewAlreadyRunningException extends ConflictException {

    public ReviewAlreadyRunningException(Period period, int revision) {
        super("the review of " + period + " revision " + revision + " is already running");
    }

    public ReviewAlreadyRunningException(Period period, int revision, String where) {
        super("the review of " + period + " revision " + revision + " is already running " + where);
    }
}
