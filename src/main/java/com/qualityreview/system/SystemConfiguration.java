package com.qualityreview.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityProperties.class)
class SystemConfiguration {

    /** The time source of schedules and file rules, replaceable in tests. */
    @Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    @Bean
    DatabaseDialect databaseDialect(DataSource dataSource) {
        return DatabaseDialect.of(dataSource);
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
