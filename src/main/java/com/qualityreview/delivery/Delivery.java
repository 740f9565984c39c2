package com.qualityreview.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One (review revision, stakeholder) delivery and where it stands. {@code messageId} is that of
 * the message last sent or being sent; {@code sendAsCopy}: the next send is a copy on request.
 */
public record Delivery(long id, String period, int revision, String email, String name, Locale locale, String scope,
        String attachment, String status, int attempts, String lastError, OffsetDateTime lastAttemptAt, OffsetDateTime sentAt,
        String messageId, boolean sendAsCopy) {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    /** Cut off after its message data went out, or found in flight after a crash: it may or may not have arrived. */
    public static final String UNCERTAIN = "UNCERTAIN";

    public static final List<String> STATUSES = List.of(PENDING, SENDING, SENT, FAILED, UNCERTAIN);

    public String scopeType() {
        return scope.equals("ORG") ? "ORG" : scope.substring(0, scope.indexOf(':'));
    }

    public String scopeCode() {
        return scope.equals("ORG") ? "ORG" : scope.substring(scope.indexOf(':') + 1);
    }
}
