package io.github.wheelscout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FileEvaluationTest {

    private static final IndexFile SDIST = new IndexFile("demo-1.0.tar.gz", "1.0", FileKind.SDIST,
            "https://files.example/demo-1.0.tar.gz", OptionalLong.empty(), Map.of(), null, false, null, null, false);

    @Test
    void writesALazyDetailOnceWhenFirstAskedFor() {
        AtomicInteger written = new AtomicInteger();
        FileEvaluation lazy = new FileEvaluation(SDIST, FileStatus.CANDIDATE, null, null, null,
                () -> "source distribution #" + written.incrementAndGet());
        assertThat(written).hasValue(0);
        assertThat(lazy.detail()).isEqualTo("source distribution #1");
        assertThat(lazy.detail()).isEqualTo("source distribution #1");
        assertThat(written).hasValue(1);
    }

    @Test
    void equalsAnEagerEvaluationWithTheSameDetail() {
        FileEvaluation lazy = new FileEvaluation(SDIST, FileStatus.CANDIDATE, null, null, null,
                () -> "source distribution");
        FileEvaluation eager = new FileEvaluation(SDIST, FileStatus.CANDIDATE, null, null, null, "source distribution");
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
        assertThat(lazy.toString()).contains("detail=source distribution");
        assertThat(lazy.withStatus(FileStatus.YANKED, () -> "yanked")).isNotEqualTo(eager)
                .extracting(FileEvaluation::detail).isEqualTo("yanked");
    }
}
