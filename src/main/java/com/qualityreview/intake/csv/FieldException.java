package com.qualityreview.intake.csv;

/** A field value that breaks its column's rule; the message is the plain reason. */
class FieldException extends Exception {
    FieldException(String reason) {
        super(reason, null, false, false);
    }
}
