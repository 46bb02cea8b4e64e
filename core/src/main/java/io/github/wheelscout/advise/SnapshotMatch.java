package io.github.wheelscout.advise;

/** How well a snapshot of the Alpine data stands for the release an image uses. */
public enum SnapshotMatch {
    /** The snapshot is that release's own branch. */
    EXACT,
    /** The snapshot is the development branch at that release's date (or edge at some date). */
    APPROXIMATE,
    /** The data has nothing for that release; the snapshot is the nearest one. */
    NEAREST;

    static SnapshotMatch parse(String value) {
        return switch (value) {
            case "exact" -> EXACT;
            case "approximate" -> APPROXIMATE;
            case "nearest" -> NEAREST;
            default -> throw new IllegalArgumentException("not a snapshot match: '" + value + "'");
        };
    }

    /** {@code exact}, {@code approximate} or {@code nearest}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
