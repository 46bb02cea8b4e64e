package io.github.wheelscout.version;

import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.util.PythonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One PEP 440 version specifier such as {@code >=1.0}, {@code ==1.4.*} or {@code ~=2.2}, as packaging's
 * {@code Specifier}. Most callers want a {@link SpecifierSet}, which is what requirements and metadata hold.
 *
 * <p>{@link #toString()} is the operator followed by the version as written ({@code == 1.0} → {@code ==1.0});
 * equality is packaging's: the operator and the version in canonical form ({@code ==1.0} equals
 * {@code ==1.0.0}, but {@code ~=1.0} does not equal {@code ~=1.0.0}).
 */
public final class Specifier {

    /** The operators of PEP 440. */
    public enum Operator {
        /** {@code ~=}: compatible release. */
        COMPATIBLE("~="),
        /** {@code ==}, also with a {@code .*} wildcard. */
        EQUAL("=="),
        /** {@code !=}, also with a {@code .*} wildcard. */
        NOT_EQUAL("!="),
        /** {@code <=}. */
        LESS_EQUAL("<="),
        /** {@code >=}. */
        GREATER_EQUAL(">="),
        /** {@code <}: excludes pre-releases of the version itself unless it is one. */
        LESS("<"),
        /** {@code >}: excludes post-releases and local versions of the version itself. */
        GREATER(">"),
        /** {@code ===}: arbitrary equality, a case-insensitive comparison of strings. */
        ARBITRARY("===");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** How the operator is written. */
        public String symbol() {
            return symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    private final Operator operator;
    private final String version;
    /** The version (for a wildcard, the prefix before {@code .*}); for {@code ===} it may be null. */
    private final Version parsed;
    private final boolean wildcard;
    private final boolean hasLocal;
    /** {@code <}: the exclusive upper bound; {@code >}: the inclusive lower bound (or null); {@code ~=}: the exclusive upper bound. */
    private final Version bound;
    /** {@code ===}: the version lower-cased, as compared. */
    private final String lowerVersion;
    /** packaging's {@code _canonical_spec}: what equality compares. */
    private final String canonical;

    private Specifier(Operator operator, String version, Version parsed, boolean wildcard) {
        this.operator = operator;
        this.version = version;
        this.parsed = parsed;
        this.wildcard = wildcard;
        this.hasLocal = parsed != null && parsed.hasLocal();
        this.bound = parsed == null ? null : bound(operator, parsed);
        this.lowerVersion = operator == Operator.ARBITRARY ? version.toLowerCase(Locale.ROOT) : null;
        if (operator == Operator.ARBITRARY || wildcard || parsed == null) {
            this.canonical = operator.symbol + version;
        } else {
            this.canonical = operator.symbol + parsed.canonical(operator != Operator.COMPATIBLE);
        }
    }

    /**
     * The specifier {@code text} spells (surrounding whitespace allowed).
     *
     * @throws InvalidSpecifierException if it is not one
     */
    public static Specifier parse(String text) {
        Specifier specifier = scan(text);
        if (specifier == null) {
            throw new InvalidSpecifierException(text);
        }
        return specifier;
    }

    /** The specifier {@code text} spells, or empty if it is not one. */
    public static Optional<Specifier> tryParse(String text) {
        return Optional.ofNullable(scan(text));
    }

    /** The specifier {@code text} spells, or null; the grammar of packaging's specifier regular expression. */
    static Specifier scan(String text) {
        String s = PythonText.strip(text);
        Operator op;
        if (s.startsWith("===")) {
            String v = PythonText.strip(s.substring(3));
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == ';' || c == ')' || PythonText.isWhitespace(c)) {
                    return null;
                }
            }
            return new Specifier(Operator.ARBITRARY, v, Version.scan(v), false);
        } else if (s.startsWith("~=")) {
            op = Operator.COMPATIBLE;
        } else if (s.startsWith("==")) {
            op = Operator.EQUAL;
        } else if (s.startsWith("!=")) {
            op = Operator.NOT_EQUAL;
        } else if (s.startsWith("<=")) {
            op = Operator.LESS_EQUAL;
        } else if (s.startsWith(">=")) {
            op = Operator.GREATER_EQUAL;
        } else if (s.startsWith("<")) {
            op = Operator.LESS;
        } else if (s.startsWith(">")) {
            op = Operator.GREATER;
        } else {
            return null;
        }
        String v = PythonText.strip(s.substring(op.symbol.length()));
        switch (op) {
            case EQUAL:
            case NOT_EQUAL:
                if (v.endsWith(".*")) {
                    String prefix = v.substring(0, v.length() - 2);
                    // A prefix with a number too long to be a version is refused like any other non-version.
                    Version release = isPlainRelease(prefix) ? Version.scan(prefix) : null;
                    return release != null ? new Specifier(op, v, release, true) : null;
                }
                Version any = Version.scan(v);
                return any == null ? null : new Specifier(op, v, any, false);
            case COMPATIBLE:
                Version compatible = Version.scan(v);
                if (compatible != null) {
                    return isCompatibleBase(compatible) ? new Specifier(op, v, compatible, false) : null;
                }
                // packaging's ~= pattern, unlike the others, matches letters with Unicode case folding, so it
                // accepts "poſt" (long s) and "prevıew" (dotless i); Version does not. Such a specifier parses
                // (packaging accepts it) but cannot be used.
                Version folded = Version.scan(foldSpecialCase(v));
                return folded != null && isCompatibleBase(folded) ? new Specifier(op, v, null, false) : null;
            default:
                Version plain = Version.scan(v);
                return plain == null || plain.hasLocal() ? null : new Specifier(op, v, plain, false);
        }
    }

    private static boolean isCompatibleBase(Version v) {
        return !v.hasLocal() && v.releaseLength() >= 2;
    }

    /** The characters Python's case-insensitive matching equates with ASCII letters of the ~= pattern. */
    private static String foldSpecialCase(String v) {
        return v.replace('\u017f', 's').replace('\u0130', 'i').replace('\u0131', 'i');
    }

    /** {@code v? (N!)? N(.N)*}: what may precede {@code .*}. */
    private static boolean isPlainRelease(String s) {
        int i = 0;
        int end = s.length();
        if (i < end && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
            i++;
        }
        int digits = digitsEnd(s, i);
        if (digits > i && digits < end && s.charAt(digits) == '!') {
            i = digits + 1;
        }
        int j = digitsEnd(s, i);
        if (j == i) {
            return false;
        }
        while (j < end) {
            if (s.charAt(j) != '.') {
                return false;
            }
            int k = digitsEnd(s, j + 1);
            if (k == j + 1) {
                return false;
            }
            j = k;
        }
        return true;
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static Version bound(Operator op, Version v) {
        BigInteger one = BigInteger.ONE;
        Version.Pre pre = v.pre().orElse(null);
        BigInteger post = v.post().orElse(null);
        BigInteger dev = v.dev().orElse(null);
        switch (op) {
            case LESS:
                // <V admits no pre-release of V's own release unless V is a pre-release: stop below V.dev0.
                return v.isPrerelease() ? v : Version.of(v.epoch(), v.release(), null, post, BigInteger.ZERO);
            case GREATER:
                // >V.devN starts at V.dev(N+1); >V.postN at V.post(N+1).dev0; otherwise no single bound.
                if (dev != null) {
                    return Version.of(v.epoch(), v.release(), pre, post, dev.add(one));
                }
                if (post != null) {
                    return Version.of(v.epoch(), v.release(), pre, post.add(one), BigInteger.ZERO);
                }
                return null;
            case COMPATIBLE:
                // ~=X.Y.Z means >=X.Y.Z, <X.(Y+1).dev0.
                List<BigInteger> release = new ArrayList<>(v.release());
                release.remove(release.size() - 1);
                release.set(release.size() - 1, release.get(release.size() - 1).add(one));
                return Version.of(v.epoch(), release, null, null, BigInteger.ZERO);
            default:
                return null;
        }
    }

    /** The operator. */
    public Operator operator() {
        return operator;
    }

    /** The version as written after the operator, without surrounding whitespace ({@code 1.0.*} for a wildcard). */
    public String version() {
        return version;
    }

    /** Whether this is a prefix match: {@code ==V.*} or {@code !=V.*}. */
    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * Whether {@code v} satisfies this specifier, pre-release or not (packaging's {@code contains} with the
     * default, since a single version is judged on the range alone). For {@code ===} the version's normal form
     * is compared.
     *
     * @throws InvalidSpecifierException for a {@code ~=} specifier whose version packaging's pattern accepts but
     *     PEP 440 does not (such as {@code ~=1.0.poſt1}): it has no meaning
     */
    public boolean contains(Version v) {
        return operator == Operator.ARBITRARY ? matchesText(v.toString()) : matches(v);
    }

    /**
     * Whether versions can be compared with this specifier at all: false only for a {@code ~=} specifier whose
     * version packaging's pattern accepts but PEP 440 does not (such as {@code ~=1.0.poſt1}), on which every
     * comparison raises (packaging: {@code AssertionError}; here {@link InvalidSpecifierException}).
     */
    public boolean isComparable() {
        return operator == Operator.ARBITRARY || parsed != null;
    }

    /**
     * As packaging's {@code contains(str)}: {@code ===} compares {@code candidate} as written (ignoring case);
     * every other operator parses it, and a candidate that is not a version matches nothing.
     */
    public boolean contains(String candidate) {
        if (operator == Operator.ARBITRARY) {
            return matchesText(candidate);
        }
        Version v = Version.scan(candidate);
        return v != null && matches(v);
    }

    /** As {@link #contains(Version)}, but a pre-release is rejected when {@code prereleases} is false. */
    public boolean contains(Version v, boolean prereleases) {
        return (prereleases || !v.isPrerelease()) && contains(v);
    }

    /** packaging's {@code Specifier.prereleases}: whether this specifier alone asks for pre-releases, or null. */
    Boolean prereleaseHint() {
        if (operator == Operator.NOT_EQUAL || (operator == Operator.EQUAL && wildcard)) {
            return Boolean.FALSE;
        }
        return parsed == null ? null : parsed.isPrerelease();
    }

    /** {@code ===}: the case-insensitive comparison of the raw candidate with the raw version. */
    boolean matchesText(String candidate) {
        return candidate.toLowerCase(Locale.ROOT).equals(lowerVersion);
    }

    /** Whether the parsed candidate {@code v} lies in this specifier's range (every operator but {@code ===}). */
    boolean matches(Version v) {
        if (parsed == null) {
            throw new InvalidSpecifierException(operator.symbol + version, "Invalid specifier: "
                    + PythonRepr.of(operator.symbol + version)
                    + " (its version is not a PEP 440 version, so nothing can be compared with it)");
        }
        switch (operator) {
            case EQUAL:
                return equalsSpec(v);
            case NOT_EQUAL:
                return !equalsSpec(v);
            case LESS_EQUAL:
                return v.comparePublic(parsed) <= 0; // <=V admits V+local
            case GREATER_EQUAL:
                return v.compareTo(parsed) >= 0;
            case LESS:
                return v.compareTo(bound) < 0;
            case GREATER:
                if (bound != null) {
                    return v.compareTo(bound) >= 0;
                }
                return v.compareTo(parsed) > 0 && !v.hasSameReleaseAndPre(parsed);
            case COMPATIBLE:
                return v.compareTo(parsed) >= 0 && v.compareTo(bound) < 0;
            default:
                throw new AssertionError(operator);
        }
    }

    private boolean equalsSpec(Version v) {
        if (wildcard) {
            return v.hasReleasePrefix(parsed);
        }
        // Without a local label in the specifier, the candidate's local label is ignored.
        return hasLocal ? v.equals(parsed) : v.comparePublic(parsed) == 0;
    }

    /** packaging's canonical form, which equality compares. */
    String canonical() {
        return canonical;
    }

    /** Equal when operator and canonical version agree ({@code ==1.0} equals {@code == 1.0.0}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Specifier s && canonical.equals(s.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The operator and the version as written, e.g. {@code >=1.0}. */
    @Override
    public String toString() {
        return operator.symbol + version;
    }
}
