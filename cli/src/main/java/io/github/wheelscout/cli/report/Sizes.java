package io.github.wheelscout.cli.report;

import io.github.wheelscout.util.ByteSize;

/** Byte counts for people, in pip's decimal units (kB, MB, GB): {@link ByteSize}, shared with core's sentences. */
public final class Sizes {

    private Sizes() {
    }

    /** E.g. {@code 10.8 MB}, {@code 97.5 kB}, {@code 512 bytes}. */
    public static String human(long bytes) {
        return ByteSize.human(bytes);
    }
}
