package com.qualityreview.scheduling;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

import com.qualityreview.review.ReviewRuns;
import com.qualityreview.review.Reviews;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;

/**
 * The two schedules of SPEC section 10, as cron expressions in quality.zone:
 * {@code quality.schedules.inbound-scan} (default 01:30 every night) and
 * {@code quality.schedules.monthly-review} (default 06:00 on the 1st: the previous month, a new revision
 * unless it has been reviewed already; see {@link MonthlyReview}). Settings: {@link SchedulingProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingProperties.class)
class SchedulingConfiguration {

    @Bean
    Scheduler scheduler(JdbcTemplate jdbc, QualityProperties properties, Clock clock, JobOperator jobOperator,
            @Qualifier("inboundScanJob") Job inboundScanJob, Reviews reviews, ReviewRuns reviewRuns,
            SchedulingProperties settings) throws Exception {
        return new Scheduler(jdbc, List.of(
                new Scheduler.Schedule("inbound-scan", cron("quality.schedules.inbound-scan", settings.inboundScan()),
                        due -> Scheduler.Outcome.launched(jobOperator.start(inboundScanJob, new JobParametersBuilder()
                                .addLong("run.id", System.currentTimeMillis()).toJobParameters()))),
                new Scheduler.Schedule("monthly-review", cron("quality.schedules.monthly-review", settings.monthlyReview()),
                        new MonthlyReview(reviews, reviewRuns))),
                properties.zoneId(), settings.catchUpWindow(), clock,
                InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid());
    }

    private static CronExpression cron(String setting, String expression) {
        try {
            return CronExpression.parse(expression);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": '" + expression + "' is not a cron expression: " + e.getMessage(), e);
        }
    }
}
