package com.qualityreview.scale;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A request to run one partition, as it travels over RabbitMQ: plain text
 * {@code <workerStepName> <stepExecutionId>}, so that a worker deserialises no Java objects from the
 * broker and the management UI shows what waits.
 */
record PartitionRequest(String stepName, long stepExecutionId) {

    static String text(StepExecutionRequest request) {
        return request.getStepName() + " " + request.getStepExecutionId();
    }

    /** @throws IllegalArgumentException when the text is not a partition request */
    static PartitionRequest parse(String text) {
        int space = text.lastIndexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("not a partition request: '" + text + "'");
        }
        try {
            return new PartitionRequest(text.substring(0, space), Long.parseLong(text.substring(space + 1).trim()));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a partition request: '" + text + "'", e);
        }
    }

    StepExecutionRequest toBatch() {
        return new StepExecutionRequest(stepName, stepExecutionId);
    }
}
