package com.qualityreview.delivery;

import java.time.OffsetDateTime;
import java.util.Locale;

/** One (review revision, stakeholder) delivery and where it stands. */
public record Delivery(long id, String period, int revision, String email, String name, Locale locale, String scope,
        String attachment, String status, int attempts, String lastError, OffsetDateTime lastAttemptAt, OffsetDateTime sentAt,
        String messageId) {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    String scopeType() {
        return scope.equals("ORG") ? "ORG" : scope.substring(0, scope.indexOf(':'));
    }

    String scopeCode() {
        return scope.equals("ORG") ? "ORG" : scope.substring(scope.indexOf(':') + 1);
    }
}
