package com.qualityreview.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the console for people: the product's own log lines, and warnings or errors from
 * elsewhere as one line without a stack trace (the log file has the whole story).
 */
public class ConsoleLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLoggerName().startsWith("com.qualityreview")) {
            return FilterReply.NEUTRAL;
        }
        if (event.getLoggerName().startsWith("org.springframework.boot.diagnostics")) {
            // Spring Boot's "APPLICATION FAILED TO START" report: the one-line error says it for people.
            return FilterReply.DENY;
        }
        return event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getThrowableProxy() == null
                ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
