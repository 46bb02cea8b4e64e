package io.github.wheelscout.version;

import io.github.wheelscout.util.PythonText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A comma-separated set of PEP 440 specifiers ({@code >=1.0,!=1.3.*,<2}), as packaging 26.3's
 * {@code SpecifierSet}; a version matches when it matches every specifier. The empty set matches everything.
 *
 * <p>Pre-releases (a dev release counts as one) follow packaging 26.x:
 * <ul>
 *   <li>{@link #contains(Version)} judges a single version on the range alone, so {@code >=1.0} contains
 *       {@code 2.0a1}; {@link #contains(Version, boolean)} with {@code false} rejects pre-releases.</li>
 *   <li>{@link #filter(Iterable)} admits pre-releases when a specifier names one (other than through {@code !=}
 *       or a wildcard); otherwise it returns matching pre-releases only when no final release matches.</li>
 * </ul>
 *
 * <p>{@link #toString()} is packaging's {@code str()}: the specifiers sorted by their text, duplicates (equal
 * after canonicalisation) dropped. Equality compares that canonical list. Instances are immutable.
 */
public final class SpecifierSet implements Iterable<Specifier> {

    private static final SpecifierSet EMPTY = new SpecifierSet(List.of());

    /** Sorted by text (code points), without duplicates: packaging's {@code _canonical_specs()}. */
    private final List<Specifier> specifiers;
    private final boolean hasArbitrary;
    /** packaging's {@code SpecifierSet.prereleases} without an override: TRUE when a specifier asks, else null. */
    private final Boolean prereleaseHint;
    private final String text;

    private SpecifierSet(List<Specifier> specifiers) {
        this.specifiers = specifiers;
        boolean arbitrary = false;
        Boolean hint = null;
        StringBuilder out = new StringBuilder();
        for (Specifier s : specifiers) {
            arbitrary |= s.operator() == Specifier.Operator.ARBITRARY;
            if (Boolean.TRUE.equals(s.prereleaseHint())) {
                hint = Boolean.TRUE;
            }
            out.append(out.length() == 0 ? "" : ",").append(s);
        }
        this.hasArbitrary = arbitrary;
        this.prereleaseHint = hint;
        this.text = out.toString();
    }

    /** The set that matches every version. */
    public static SpecifierSet empty() {
        return EMPTY;
    }

    /**
     * The set {@code text} spells: specifiers separated by commas, each with optional surrounding whitespace;
     * empty items are ignored ({@code ""} and {@code ",>=1,"} are valid).
     *
     * @throws InvalidSpecifierException naming the first item (stripped) that is not a specifier
     */
    public static SpecifierSet parse(String text) {
        List<Specifier> parsed = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            int from = PythonText.stripStart(text, start, end);
            int to = PythonText.stripEnd(text, from, end);
            if (from < to) {
                String item = text.substring(from, to);
                Specifier specifier = Specifier.scan(item);
                if (specifier == null) {
                    throw new InvalidSpecifierException(item);
                }
                parsed.add(specifier);
            }
            start = end + 1;
        }
        return of(parsed);
    }

    /** The set of these specifiers. */
    public static SpecifierSet of(Iterable<Specifier> specifiers) {
        List<Specifier> sorted = new ArrayList<>();
        specifiers.forEach(sorted::add);
        if (sorted.isEmpty()) {
            return EMPTY;
        }
        sorted.sort((a, b) -> PythonText.compare(a.toString(), b.toString()));
        List<Specifier> unique = new ArrayList<>(sorted.size());
        Set<String> seen = new HashSet<>();
        for (Specifier s : sorted) {
            if (seen.add(s.canonical())) {
                unique.add(s);
            }
        }
        return new SpecifierSet(Collections.unmodifiableList(unique));
    }

    /** The specifiers, in the order {@link #toString()} prints them. */
    public List<Specifier> specifiers() {
        return specifiers;
    }

    @Override
    public Iterator<Specifier> iterator() {
        return specifiers.iterator();
    }

    /**
     * The set {@code text} spells when versions can be matched against it; empty for text that is not a set, or a
     * set holding a specifier no version can be compared with. This is how pip reads a Requires-Python: one it
     * cannot use is ignored.
     */
    public static Optional<SpecifierSet> tryParseMatchable(String text) {
        try {
            SpecifierSet set = parse(text);
            return set.incomparable().isPresent() ? Optional.empty() : Optional.of(set);
        } catch (InvalidSpecifierException e) {
            return Optional.empty();
        }
    }

    /**
     * The first specifier no version can be compared with ({@link Specifier#isComparable()}), if any: a set
     * holding one raises on every match, so readers of requirements reject it up front.
     */
    public Optional<Specifier> incomparable() {
        for (Specifier s : specifiers) {
            if (!s.isComparable()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether the set has no specifier (and so matches everything). */
    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /**
     * Whether a specifier of the set names a pre-release (other than through {@code !=} or a wildcard), which
     * makes {@link #filter(Iterable)} admit pre-releases.
     */
    public boolean namesPrerelease() {
        return prereleaseHint != null;
    }

    /** Whether {@code v} matches every specifier; pre-releases are judged on the range alone. */
    public boolean contains(Version v) {
        return matchesAll(hasArbitrary ? v.toString() : null, v); // only === compares text
    }

    /** Whether {@code v} matches every specifier; with {@code prereleases} false, no pre-release does. */
    public boolean contains(Version v, boolean prereleases) {
        return (prereleases || !v.isPrerelease()) && contains(v);
    }

    /**
     * As packaging's {@code contains(str)}: a candidate that is not a PEP 440 version matches only the empty set
     * and sets whose {@code ===} specifiers equal it; {@code ===} compares the raw text, not the normal form.
     */
    public boolean contains(String candidate) {
        return matchesAll(candidate, Version.scan(candidate));
    }

    /** As {@link #contains(String)}, rejecting pre-releases when {@code prereleases} is false. */
    public boolean contains(String candidate, boolean prereleases) {
        Version v = Version.scan(candidate);
        return (prereleases || v == null || !v.isPrerelease()) && matchesAll(candidate, v);
    }

    /**
     * The versions that match, in their order, with packaging's default pre-release rule: pre-releases are
     * admitted if a specifier names one, else only when no final release matches.
     */
    public List<Version> filter(Iterable<Version> versions) {
        return filter(versions, null);
    }

    /**
     * The versions that match, in their order. {@code prereleases}: true admits pre-releases, false rejects
     * them, null applies the default rule of {@link #filter(Iterable)}.
     */
    public List<Version> filter(Iterable<Version> versions, Boolean prereleases) {
        return filter(versions, Function.identity(), prereleases);
    }

    /**
     * The items whose version matches, in their order, as {@link #filter(Iterable, Boolean)}; {@code version}
     * gives each item's version, or null when it has none (such items are kept only by the empty set).
     */
    public <T> List<T> filter(Iterable<T> items, Function<? super T, Version> version, Boolean prereleases) {
        return filterItems(items, item -> {
            Version v = hasArbitrary ? version.apply(item) : null; // only === compares text
            return v == null ? null : v.toString();
        }, version, prereleases);
    }

    /**
     * As packaging's {@code filter} over strings: candidates that are not PEP 440 versions are dropped, except
     * by the empty set and by {@code ===}, which compares the raw text.
     */
    public List<String> filterStrings(Iterable<String> candidates, Boolean prereleases) {
        return filterItems(candidates, Function.identity(), Version::scan, prereleases);
    }

    private <T> List<T> filterItems(Iterable<T> items, Function<? super T, String> raw,
            Function<? super T, Version> version, Boolean prereleases) {
        Boolean policy = prereleases != null ? prereleases : prereleaseHint;
        List<T> matched = new ArrayList<>();
        List<T> finalsAndUnparsable = new ArrayList<>();
        boolean finalFound = false;
        for (T item : items) {
            Version v = version.apply(item);
            if (!matchesAll(raw.apply(item), v)) {
                continue;
            }
            boolean pre = v != null && v.isPrerelease();
            if (pre && Boolean.FALSE.equals(policy)) {
                continue;
            }
            finalFound |= v != null && !pre;
            matched.add(item);
            if (!pre) {
                finalsAndUnparsable.add(item);
            }
        }
        if (policy == null && finalFound) {
            // PEP 440's default: pre-releases only when nothing else matched. Unparsable candidates that
            // matched (the empty set, ===) are kept, as packaging keeps them.
            return finalsAndUnparsable;
        }
        return matched;
    }

    /**
     * Whether the candidate matches every specifier. {@code raw} is its text (for {@code ===}; may be null),
     * {@code v} its parsed version or null; an unparsable candidate matches no specifier but {@code ===}.
     */
    private boolean matchesAll(String raw, Version v) {
        for (Specifier s : specifiers) {
            boolean ok = s.operator() == Specifier.Operator.ARBITRARY
                    ? raw != null && s.matchesText(raw)
                    : v != null && s.matches(v);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Equal when the canonical specifiers are ({@code >=1.0,<2} equals {@code <2.0, >=1.0.0}). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SpecifierSet other) || specifiers.size() != other.specifiers.size()) {
            return false;
        }
        for (int i = 0; i < specifiers.size(); i++) {
            if (!specifiers.get(i).equals(other.specifiers.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return specifiers.hashCode();
    }

    /** packaging's {@code str()}: the specifiers sorted by text, comma-separated, without spaces. */
    @Override
    public String toString() {
        return text;
    }
}
