package com.qualityreview.scale;

import javax.sql.DataSource;

import com.qualityreview.system.Settings;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The production {@link Partitions} with another partition count, for tests that compare counts in one application context. */
public final class ScaleForTests {

    private ScaleForTests() {
    }

    /** Local partitions, every other setting at its default; no RabbitMQ (there is none in local mode). */
    public static Partitions localPartitions(int count) {
        return new Partitions(Settings.bind(ScaleProperties.class, "quality.scale.partitions=" + count),
                new StaticListableBeanFactory().getBeanProvider(RemotePartitions.class),
                new StaticListableBeanFactory().getBeanProvider(DataSource.class));
    }
}
