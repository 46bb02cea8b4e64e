package io.github.wheelscout.analysis;

import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.tags.PlatformTag;
import io.github.wheelscout.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Describes a set of wheels for people: which platform families they cover, and for which interpreters. */
final class WheelSummary {

    private WheelSummary() {
    }

    /**
     * E.g. {@code manylinux for cp39, cp310, cp311; musllinux for cp39, cp310, cp311; macOS; Windows}. Linux
     * families name their interpreters, because "musllinux, but not for your Python" is the usual story.
     */
    static String describe(List<WheelFilename> wheels) {
        Map<PlatformTag.Family, TreeSet<String>> interpreters = new EnumMap<>(PlatformTag.Family.class);
        for (WheelFilename wheel : wheels) {
            for (Tag tag : wheel.tags()) {
                interpreters.computeIfAbsent(tag.platformTag().family(), f -> new TreeSet<>(INTERPRETER_ORDER))
                        .add(tag.interpreter());
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<PlatformTag.Family, TreeSet<String>> entry : interpreters.entrySet()) {
            PlatformTag.Family family = entry.getKey();
            String name = family == PlatformTag.Family.ANY ? "pure Python" : family.displayName();
            parts.add(family.isLinux() ? name + " for " + range(entry.getValue()) : name);
        }
        return String.join("; ", parts);
    }

    /** The interpreters, all of them when few, else the first and the last. */
    private static String range(TreeSet<String> interpreters) {
        if (interpreters.size() <= 4) {
            return String.join(", ", interpreters);
        }
        return interpreters.first() + " to " + interpreters.last() + " (" + interpreters.size() + " interpreters)";
    }

    /** {@code cp39} before {@code cp310}: by the letters, then by the number. */
    static final Comparator<String> INTERPRETER_ORDER = Comparator
            .comparing((String s) -> s.substring(0, digitsStart(s)))
            .thenComparingLong(s -> {
                int start = digitsStart(s);
                int length = s.length() - start;
                return length == 0 || length > 18 ? -1 : Long.parseLong(s, start, s.length(), 10);
            })
            .thenComparing(Comparator.naturalOrder());

    /** Where the trailing ASCII digits of {@code s} start ({@code s.length()} when it has none). */
    private static int digitsStart(String s) {
        int i = s.length();
        while (i > 0 && s.charAt(i - 1) >= '0' && s.charAt(i - 1) <= '9') {
            i--;
        }
        return i;
    }
}
