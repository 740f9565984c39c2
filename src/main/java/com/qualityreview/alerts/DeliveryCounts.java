package com.qualityreview.alerts;

import java.time.Instant;

/**
 * The deliveries of one review revision by state; {@code pending} counts those waiting or being
 * sent; {@code lastSentAt}: when the last one was sent (null if none was).
 */
public record DeliveryCounts(int sent, int failed, int uncertain, int pending, Instant lastSentAt) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, null);

    public boolean allSent() {
        return failed == 0 && uncertain == 0 && pending == 0;
    }

    public int total() {
        return sent + failed + uncertain + pending;
    }
}
