package io.github.wheelscout.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wheelscout.fixtures.Fixtures;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.name.ProjectName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The page cache's entry format: what goes in comes out equal, and anything damaged is a miss (null). */
class PageCodecTest {

    private static final String URL = "https://pypi.org/simple/numpy/";

    @Test
    void aRealPageComesBackEqualFieldByField() throws IOException {
        String name = "numpy";
        byte[] page = Fixtures.mirror().simpleJson(name).orElseThrow();
        List<IndexFile> files = SimpleApiParser.json(new ByteArrayInputStream(page), ProjectName.of(name), URL, URL);
        assertThat(files).hasSizeGreaterThan(100);

        PageCodec.Entry entry = PageCodec.decode(PageCodec.encode(URL, 1234L, "\"abc\"", "Wed, 21 Oct 2015 07:28:00 GMT", files));

        assertThat(entry.url()).isEqualTo(URL);
        assertThat(entry.freshUntilMillis()).isEqualTo(1234L);
        assertThat(entry.etag()).isEqualTo("\"abc\"");
        assertThat(entry.lastModified()).isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
        assertThat(entry.files()).isEqualTo(files);
    }

    @Test
    void everyOptionalFieldAndUnicodeSurvive() {
        IndexFile loneSurrogate = new IndexFile("a\ud800b", "1\udc00", FileKind.OTHER, "https://h/\ud83d", OptionalLong.empty(),
                Map.of("\udfff", "x"), "\ud800", true, "\udc00\ud800", null, false);
        IndexFile bare = new IndexFile("x.egg", null, FileKind.OTHER, "https://h/x.egg", OptionalLong.empty(), Map.of(),
                null, false, null, null, false);
        IndexFile full = new IndexFile("pkg-1.0-py3-none-any.whl", "1.0", FileKind.WHEEL, "https://h/p/pkg-1.0-py3-none-any.whl",
                OptionalLong.of(Long.MAX_VALUE), Map.of("sha256", "ab", "md5", "cd"), ">=3.8, <4 \u00e9\u4e2d\ud83d\ude00",
                true, "broken \u2014 use 1.1 \ud83d\udc1b", Instant.parse("2024-02-29T23:59:59.123456789Z"), true);
        IndexFile yankedWithoutReason = new IndexFile("pkg-1.0.tar.gz", "1.0", FileKind.SDIST, "https://h/pkg-1.0.tar.gz",
                OptionalLong.of(0), Map.of(), "", true, null, Instant.ofEpochSecond(-1, 5), false);

        List<IndexFile> files = List.of(bare, full, yankedWithoutReason, loneSurrogate);
        assertThat(PageCodec.decode(PageCodec.encode(URL, Long.MIN_VALUE + 1, null, null, files)).files()).isEqualTo(files);
        assertThat(PageCodec.decode(PageCodec.encode(URL, 0, null, null, List.of())).files()).isEmpty();
    }

    @Test
    void aDamagedOrCutEntryIsAMiss() {
        IndexFile f = new IndexFile("pkg-1.0.tar.gz", "1.0", FileKind.SDIST, "https://h/pkg-1.0.tar.gz",
                OptionalLong.of(10), Map.of("sha256", "00"), null, false, null, null, false);
        byte[] good = PageCodec.encode(URL, 99, "\"e\"", null, List.of(f, f));
        assertThat(PageCodec.decode(good)).isNotNull();

        for (int i = 0; i < good.length; i++) {
            byte[] flipped = good.clone();
            flipped[i] ^= 0x10;
            assertThat(PageCodec.decode(flipped)).as("byte %d flipped", i).isNull();
            assertThat(PageCodec.decode(Arrays.copyOf(good, i))).as("cut to %d bytes", i).isNull();
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThat(PageCodec.decode(longer)).isNull();
        assertThat(PageCodec.decode(new byte[0])).isNull();
    }

    @Property(tries = 300)
    void anyFileListRoundTrips(@ForAll("files") List<IndexFile> files, @ForAll long freshUntil) {
        PageCodec.Entry entry = PageCodec.decode(PageCodec.encode(URL, freshUntil, null, "x", files));

        assertThat(entry.files()).isEqualTo(files);
        assertThat(entry.freshUntilMillis()).isEqualTo(freshUntil);
    }

    @Provide
    Arbitrary<List<IndexFile>> files() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> maybe = text.injectNull(0.3);
        Arbitrary<OptionalLong> size = Arbitraries.longs().map(OptionalLong::of).injectDuplicates(0.1)
                .edgeCases(c -> c.add(OptionalLong.empty())).injectNull(0.2).map(s -> s == null ? OptionalLong.empty() : s);
        Arbitrary<Instant> time = Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond).injectNull(0.3);
        Arbitrary<Map<String, String>> hashes = Arbitraries.maps(text, text).ofMaxSize(3);
        Arbitrary<IndexFile> file = Combinators.combine(text, maybe, Arbitraries.of(FileKind.class), text, size, hashes,
                maybe, Arbitraries.of(true, false)).as((name, version, kind, url, s, h, requiresPython, yanked) ->
                        new IndexFile(name, version, kind, url, s, h, requiresPython, yanked,
                                yanked ? version : null, null, !yanked));
        Arbitrary<IndexFile> timed = Combinators.combine(file, time).as((f, t) -> new IndexFile(f.filename(), f.version(),
                f.kind(), f.url(), f.size(), f.hashes(), f.requiresPython(), f.yanked(), f.yankedReason(), t, f.coreMetadata()));
        return timed.list().ofMaxSize(5);
    }
}
