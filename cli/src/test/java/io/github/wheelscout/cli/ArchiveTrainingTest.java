package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {

    @Test
    void everyTrainingRunExitsAsExpected() throws Exception {
        // The launcher keeps no class-data archive when the training fails, so a failure here is a slower start.
        assertThat(ArchiveTraining.train()).isZero();
    }
}
