package io.github.wheelscout.gate;

import static io.github.wheelscout.gate.Reports.ALPINE;
import static io.github.wheelscout.gate.Reports.SLIM;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.analysis.AnalysisReport;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final ProjectName NUMPY = ProjectName.of("numpy");
    private static final Version V1_25_2 = Version.parse("1.25.2");
    private static final Target ALPINE_ARM = Target.forImage("python:3.12-alpine", "arm64");
    private static final Target EXPLICIT = Target.fromPlatform("3.12", "musllinux_1_2_x86_64", null, null);

    private static BaselineEntry entry(String versions, String target, LocalDate expires) {
        return new BaselineEntry(NUMPY, versions == null ? null : SpecifierSet.parse(versions), target, "why",
                expires);
    }

    @ParameterizedTest(name = "target ''{0}'' on {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "python:3.12-alpine                          | alpine       | true",
        "python:3.12-alpine                          | alpine-arm64 | true",
        "python:3.12-alpine                          | slim         | false",
        "python:3.12-alpine (linux/arm64)            | alpine-arm64 | true",
        "python:3.12-alpine (linux/arm64)            | alpine       | false",
        "docker.io/library/python:3.12-alpine        | alpine       | true",
        "python:3.12-alpine3.22                      | alpine       | false",
        "python:*-alpine*                            | alpine-arm64 | true",
        "python:*-alpine                             | alpine-arm64 | true",
        "python:3.1?-alpine                          | alpine       | true",
        "python:3.12-*                               | slim         | true",
        "*                                           | explicit     | true",
        "cp312-musl1.2-x86_64                        | explicit     | true",
        "cp312-musl1.2-x86_64                        | alpine       | true",
        "cp312-glibc*                                | alpine       | false",
        "cp312-musl1.2-*                             | explicit     | true",
        "python:3.12-alpine                          | explicit     | false",
    })
    void the_target_is_an_image_a_display_name_a_machine_id_or_a_pattern(String pattern, String target,
            boolean matches) {
        Target t = switch (target) {
            case "alpine" -> ALPINE;
            case "alpine-arm64" -> ALPINE_ARM;
            case "slim" -> SLIM;
            default -> EXPLICIT;
        };
        assertThat(entry(null, pattern, null).matchesTarget(t)).as(pattern + " on " + t.displayName())
                .isEqualTo(matches);
    }

    @Test
    void without_a_target_an_entry_covers_every_target() {
        assertThat(entry(null, null, null).matchesTarget(EXPLICIT)).isTrue();
        assertThat(entry(null, null, null).targetPattern()).isEqualTo("*");
    }

    @Test
    void the_version_range_must_contain_the_version_pre_releases_included() {
        BaselineEntry range = entry(">=1.25,<1.26", null, null);
        assertThat(range.matches(NUMPY, V1_25_2, ALPINE)).isTrue();
        assertThat(range.matches(NUMPY, Version.parse("1.25.3rc1"), ALPINE)).isTrue();
        assertThat(range.matches(NUMPY, Version.parse("1.26.0"), ALPINE)).isFalse();
        assertThat(range.matches(ProjectName.of("pandas"), V1_25_2, ALPINE)).isFalse();
        // nothing installable: only an entry without a range can accept it
        assertThat(range.matches(NUMPY, null, ALPINE)).isFalse();
        assertThat(entry(null, null, null).matches(NUMPY, null, ALPINE)).isTrue();
    }

    @Test
    void an_entry_accepts_through_its_expiry_date_and_has_expired_the_next_day() {
        BaselineEntry e = entry(null, null, LocalDate.of(2026, 3, 1));
        assertThat(e.isExpired(LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(e.isExpired(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(entry(null, null, null).isExpired(LocalDate.of(9999, 12, 31))).isFalse();
    }

    @Test
    void the_first_live_matching_entry_accepts_even_after_an_expired_one() {
        BaselineEntry expired = entry(null, "*", LocalDate.of(2025, 1, 1));
        BaselineEntry live = entry(">=1.25", "python:3.12-alpine", null);
        Baseline baseline = new Baseline(List.of(expired, live));

        assertThat(baseline.acceptance(NUMPY, V1_25_2, ALPINE, TODAY)).isEqualTo(Acceptance.accepted(live));
        assertThat(baseline.acceptance(NUMPY, V1_25_2, SLIM, TODAY)).isEqualTo(Acceptance.expired(expired));
        assertThat(baseline.acceptance(ProjectName.of("pandas"), V1_25_2, SLIM, TODAY)).isEqualTo(Acceptance.NONE);
        assertThat(Baseline.EMPTY.acceptance(NUMPY, V1_25_2, SLIM, TODAY)).isEqualTo(Acceptance.NONE);
    }

    @Test
    void targets_that_name_nothing_known_are_recognised() {
        assertThat(entry(null, "python:3.12-alpine", null).targetIsKnown()).isTrue();
        assertThat(entry(null, "python:3.12-alpine (linux/arm64)", null).targetIsKnown()).isTrue();
        assertThat(entry(null, "cp312-musl1.2-x86_64", null).targetIsKnown()).isTrue();
        assertThat(entry(null, "python:*", null).targetIsKnown()).isTrue();
        assertThat(entry(null, "pyton:3.12-alpine", null).targetIsKnown()).isFalse();
    }

    @Test
    void accepting_the_head_pins_each_build_to_its_version_and_target_and_keeps_entries_that_already_accept() {
        BaselineEntry kept = new BaselineEntry(ProjectName.of("psycopg2"), null, "*", "Windows wheels only",
                LocalDate.of(2027, 1, 1));
        BaselineEntry stale = new BaselineEntry(ProjectName.of("lxml"), null, "*", "gone", null);
        AnalysisReport base = Reports.alpineAndSlim().line("requests", "pure-wheel 2.32.4", "pure-wheel 2.32.4")
                .build();
        AnalysisReport head = Reports.alpineAndSlim()
                .line("numpy==1.25.2", "source-build 1.25.2", "source-build 1.25.2")
                .line("onnxruntime", "no-match", "wheel 1.23.2")
                .line("psycopg2", "source-build 2.9.11", "source-build 2.9.11")
                .line("requests", "pure-wheel 2.32.4", "pure-wheel 2.32.4").build();
        GateResult result = Gate.builder().baseline(new Baseline(List.of(kept, stale))).today(TODAY).build()
                .compare(base, head);

        Baseline written = Baseline.accepting(result, "accepted");

        assertThat(written.entries()).containsExactly(
                new BaselineEntry(NUMPY, SpecifierSet.parse("==1.25.2"), "python:3.12-alpine", "accepted", null),
                new BaselineEntry(NUMPY, SpecifierSet.parse("==1.25.2"), "python:3.12-slim", "accepted", null),
                new BaselineEntry(ProjectName.of("onnxruntime"), null, "python:3.12-alpine", "accepted", null),
                kept);
        GateResult again = Gate.builder().baseline(written).today(TODAY).build().compare(base, head);
        assertThat(again.status()).isEqualTo(GateStatus.PASS);
        assertThat(again.accepted()).hasSize(5);
    }
}
