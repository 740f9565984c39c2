/**
 * Scale: runs a step's partitions on local threads or, with {@code quality.scale.mode=rabbitmq}, on worker processes over RabbitMQ.
 */
@ApplicationModule(allowedDependencies = {"system"})
package com.qualityreview.scale;

import org.springframework.modulith.ApplicationModule;
