package com.qualityreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.qualityreview.alerts.AlertsProperties;
import com.qualityreview.delivery.DeliveryProperties;
import com.qualityreview.intake.IntakeProperties;
import com.qualityreview.reporting.ReportingProperties;
import com.qualityreview.review.ReviewProperties;
import com.qualityreview.scale.ScaleProperties;
import com.qualityreview.scheduling.SchedulingProperties;
import com.qualityreview.security.LoginProperties;
import com.qualityreview.system.QualityProperties;
import com.qualityreview.system.Settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The settings records hold the defaults; the {@code quality:} values application.yml shows for
 * reference must be those same defaults, or the file would quietly change them.
 */
class SettingsDefaultsTest {

    @ParameterizedTest
    @ValueSource(classes = {QualityProperties.class, IntakeProperties.class, ReviewProperties.class, ReportingProperties.class,
            DeliveryProperties.class, SchedulingProperties.class, LoginProperties.class, AlertsProperties.class,
            ScaleProperties.class})
    void applicationYmlRepeatsTheRecordsDefaults(Class<?> type) throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
                new FileSystemResource("src/main/resources/application.yml"));
        Object fromYaml = new Binder(ConfigurationPropertySources.from(yaml))
                .bindOrCreate(type.getAnnotation(ConfigurationProperties.class).value(), type);

        assertThat(fromYaml).isEqualTo(Settings.bind(type));
    }
}
