package com.qualityreview.scale;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.qualityreview.system.CommandException;

import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * The RabbitMQ server partition requests go through. The client connects lazily and its listener
 * containers only log and retry when the broker is away, so the manager and the {@code worker}
 * command ask here first and stop at once with one line naming the broker.
 */
class RabbitBroker {

    private final ConnectionFactory connections;
    private final AmqpAdmin admin;
    private final String queue;

    RabbitBroker(ConnectionFactory connections, AmqpAdmin admin, String queue) {
        this.connections = connections;
        this.admin = admin;
        this.queue = queue;
    }

    String address() {
        return connections.getHost() + ":" + connections.getPort();
    }

    /**
     * Connects, and declares the durable request queue: a request published before any worker
     * declared it would otherwise be dropped by the broker without a word.
     *
     * @throws CommandException naming the broker and what it said
     */
    void requireQueue() {
        try (Connection connection = connections.createConnection()) {
            admin.declareQueue(QueueBuilder.durable(queue).build());
        }
        catch (AmqpException e) {
            throw new CommandException("cannot reach RabbitMQ at " + address() + " (" + reason(e)
                    + "): start it, check spring.rabbitmq.host, port, username and password, or use quality.scale.mode=local", e);
        }
    }

    /** The consumers listening on the request queue now: one for each consumer of every worker, idle or running a partition. */
    int consumers() {
        QueueInformation information = admin.getQueueInfo(queue);
        return information == null ? 0 : information.getConsumerCount();
    }

    String queue() {
        return queue;
    }

    private static String reason(AmqpException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof AmqpAuthenticationException) {
                return "login refused";
            }
            if (t.getCause() == null) {
                return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            }
        }
        return failure.getMessage();
    }
}
