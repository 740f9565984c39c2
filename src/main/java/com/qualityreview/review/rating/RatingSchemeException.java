package com.qualityreview.review.rating;

/** The rating scheme is not valid; the message names the level and key at fault. */
public class RatingSchemeException extends IllegalArgumentException {
    public RatingSchemeException(String message) {
        super(message);
    }

    public RatingSchemeException(String message, Throwable cause) {
        super(message, cause);
    }
}
