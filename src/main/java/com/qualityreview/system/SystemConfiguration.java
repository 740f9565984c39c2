package com.qualityreview.system;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.aopalliance.intercept.MethodInterceptor;

import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityProperties.class)
class SystemConfiguration {

    /** The time source of schedules and file rules, replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DatabaseDialect databaseDialect(DataSource dataSource) {
        return DatabaseDialect.of(dataSource);
    }

    /**
     * Every job execution is leased to the process that runs it for exactly as long as its
     * {@code execute} runs, whatever its step, and released however it ends (a listener's
     * afterJob is skipped when the job's last repository update fails). Its end is then announced
     * ({@link JobEnded}), so that the audit log can record how work started in the background went.
     */
    @Bean
    static BeanPostProcessor leasedJobs(ObjectProvider<Leases> leases, ObjectProvider<ApplicationEventPublisher> events) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof Job)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    if (!invocation.getMethod().getName().equals("execute") || invocation.getArguments().length != 1
                            || !(invocation.getArguments()[0] instanceof JobExecution execution)) {
                        return invocation.proceed();
                    }
                    leases.getObject().hold(execution.getId());
                    try {
                        return invocation.proceed();
                    }
                    finally {
                        leases.getObject().release(execution.getId());
                        try {
                            events.getObject().publishEvent(new JobEnded(execution));
                        }
                        catch (RuntimeException e) {
                            LoggerFactory.getLogger(SystemConfiguration.class).warn("after execution {}: {}", execution.getId(),
                                    CommandException.oneLine(e));
                        }
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /** PgJDBC sends a JDBC batch as one multi-row statement only with this switch: several times faster imports. */
    @Bean
    static BeanPostProcessor postgresBatchRewriting() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !hikari.getJdbcUrl().contains("reWriteBatchedInserts")) {
                    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }
}
