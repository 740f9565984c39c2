package com.qualityreview.delivery.job;

import java.time.Duration;
import java.util.Map;

import com.qualityreview.delivery.Delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code quality_deliveries{status=...}}: how many deliveries are in each status, read from the
 * delivery table when metrics are read. A scrape reads the five gauges one after another; they
 * share one GROUP BY query, kept for {@link #FRESH_FOR}, so a scrape costs one query whatever the
 * table's size or the number of statuses.
 */
@Component
class DeliveryGauges implements MeterBinder {

    static final String DELIVERIES = "quality.deliveries";
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final DeliveryStore store;
    private Map<String, Long> counts = Map.of();
    private long readAt;

    DeliveryGauges(DeliveryStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (String status : Delivery.STATUSES) {
            Gauge.builder(DELIVERIES, () -> count(status)).description("deliveries in this status, over all periods")
                    .tag("status", status).register(meters);
        }
    }

    private synchronized long count(String status) {
        long now = System.nanoTime();
        if (counts.isEmpty() || now - readAt > FRESH_FOR.toNanos()) {
            counts = store.countByStatus();
            readAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
