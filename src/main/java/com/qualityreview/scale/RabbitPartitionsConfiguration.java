package com.qualityreview.scale;

import com.qualityreview.system.Leases;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.amqp.health.RabbitHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;

/**
 * {@code quality.scale.mode=rabbitmq}: partition requests leave through an AMQP outbound adapter to
 * the durable queue {@code quality.scale.queue}; the {@code worker} command consumes them. In
 * local mode none of this exists, so nothing tries to reach a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "quality.scale.mode", havingValue = "rabbitmq")
@EnableIntegration
class RabbitPartitionsConfiguration {

    static final String REQUESTS = "partitionRequests";

    @Bean(REQUESTS)
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /** Through the default exchange, whose routing key is the queue's name. */
    @Bean
    IntegrationFlow partitionRequestsToRabbit(RabbitTemplate rabbit, ScaleProperties settings) {
        return IntegrationFlow.from(REQUESTS)
                .transform(StepExecutionRequest.class, PartitionRequest::text)
                .handle(Amqp.outboundAdapter(rabbit).routingKey(settings.queue()))
                .get();
    }

    /** Health and readiness include the broker in this mode only (Spring Boot's check is off: application.yml). */
    @Bean
    RabbitHealthIndicator rabbitHealthIndicator(RabbitTemplate rabbit) {
        return new RabbitHealthIndicator(rabbit);
    }

    @Bean
    RabbitBroker rabbitBroker(ConnectionFactory connections, AmqpAdmin admin, ScaleProperties settings) {
        return new RabbitBroker(connections, admin, settings.queue());
    }

    @Bean
    RemotePartitions remotePartitions(@Qualifier(REQUESTS) MessageChannel requests, RabbitBroker broker, JobRepository jobRepository,
            Leases leases, ScaleProperties settings, @Value("${spring.datasource.url:}") String database) {
        return new RemotePartitions(requests, broker, jobRepository, leases, settings, database);
    }

    @Bean
    PartitionConsumers partitionConsumers(ConnectionFactory connections, RemotePartitions remote, JobRepository jobRepository,
            Leases leases, BeanFactory beans, ScaleProperties settings, Partitions partitions) {
        return new PartitionConsumers(connections, remote, new PartitionRequestGuard(jobRepository, leases, beans), settings,
                partitions.poolSize());
    }
}
