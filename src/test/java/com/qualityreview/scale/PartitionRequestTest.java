package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/** A partition request travels as the text "<workerStep> <stepExecutionId>", no serialised Java object. */
class PartitionRequestTest {

    @Test
    void aRequestTravelsAsTheStepNameAndTheStepExecutionId() {
        String text = PartitionRequest.text(new StepExecutionRequest("summariseSitesPartition", 4711L));

        assertThat(text).isEqualTo("summariseSitesPartition 4711");
        StepExecutionRequest back = PartitionRequest.parse(text).toBatch();
        assertThat(back.getStepName()).isEqualTo("summariseSitesPartition");
        assertThat(back.getStepExecutionId()).isEqualTo(4711L);
    }

    @Test
    void aMessageThatIsNoRequestIsNamed() {
        assertThatThrownBy(() -> PartitionRequest.parse("hello")).hasMessage("not a partition request: 'hello'");
        assertThatThrownBy(() -> PartitionRequest.parse("step x")).hasMessage("not a partition request: 'step x'");
    }
}
