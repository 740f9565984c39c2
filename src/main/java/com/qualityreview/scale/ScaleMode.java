package com.qualityreview.scale;

/** Where a partitioned step's partitions run ({@code quality.scale.mode}). */
public enum ScaleMode {
    /** On threads of the process that runs the job: no broker needed (the embedded default). */
    LOCAL,
    /** On worker processes ({@code worker} command) that take partition requests from RabbitMQ. */
    RABBITMQ
}
