package com.qualityreview.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deliveries' settings (README, Configuration), defaults here and nowhere else:
 * {@code quality.mail.*} and {@code quality.delivery.*}. The languages delivered are the reports'
 * ({@code quality.reports.locales}, {@link com.qualityreview.reporting.ReportingProperties}).
 *
 * @param mail the report emails
 * @param delivery sending them
 */
@ConfigurationProperties("quality")
public record DeliveryProperties(@DefaultValue Mail mail, @DefaultValue Sending delivery) {

    public DeliveryProperties {
        notNegative("quality.mail.connect-timeout", mail.connectTimeout());
        notNegative("quality.mail.read-timeout", mail.readTimeout());
        notNegative("quality.mail.write-timeout", mail.writeTimeout());
        notNegative("quality.delivery.retry-delay", delivery.retryDelay());
    }

    private static void notNegative(String setting, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(setting + " must not be negative, was " + value);
        }
    }

    /**
     * {@code quality.mail.*}. The timeouts apply unless spring.mail.properties sets them: a hung
     * server never holds a sending thread for ever.
     *
     * @param from sender of the report emails
     * @param messageIdDomain domain part of the emails' Message-IDs
     * @param connectTimeout SMTP connect timeout
     * @param readTimeout SMTP read timeout
     * @param writeTimeout SMTP write timeout
     */
    public record Mail(
            @DefaultValue("Quality Review <quality-review@localhost>") String from,
            @DefaultValue("quality-review.local") String messageIdDomain,
            @DefaultValue("PT10S") Duration connectTimeout,
            @DefaultValue("PT60S") Duration readTimeout,
            @DefaultValue("PT60S") Duration writeTimeout) {
    }

    /**
     * {@code quality.delivery.*}.
     *
     * @param maxAttempts attempts of a delivery before it fails (transient errors)
     * @param retryDelay first delay between attempts, doubled each time
     * @param threads deliveries sent at once (at least 1)
     */
    public record Sending(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("PT2S") Duration retryDelay,
            @DefaultValue("8") int threads) {
    }
}
