package io.github.wheelscout.version;

import io.github.wheelscout.util.PythonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PEP 440 version, as packaging's {@code Version}: parsed from any spelling PEP 440 accepts and printed in
 * its normal form ({@code V1.0-RC1} → {@code 1.0rc1}).
 *
 * <p>Ordering and equality are packaging's exactly: epoch, then the release with trailing zeros ignored, then
 * {@code X.devN < XaN < XbN < XrcN < X < X.postN}, then the local label ({@code 1.0 < 1.0+anything}). Equality
 * follows the order, not the text: {@code 1.0} equals {@code 1.0.0} (and they hash alike) although they print
 * differently; {@code 1.0} does not equal {@code 1.0+local}.
 *
 * <p>Numbers are unbounded, as in Python: real indexes hold release numbers above 2<sup>63</sup>. Like Python's
 * {@code int()}, which packaging uses, a number of more than 4300 digits (leading zeros count) is refused: such a
 * string is not a version (packaging raises {@code ValueError}), and parsing stays linear. Instances are immutable
 * and thread-safe.
 */
public final class Version implements Comparable<Version> {

    /** A pre-release segment: {@code a}, {@code b} or {@code rc}, and its number ({@code rc1}). */
    public record Pre(String label, BigInteger number) {

        /** The segment as it appears in the normal form, e.g. {@code rc1}. */
        @Override
        public String toString() {
            return label + number;
        }
    }

    private static final byte PRE_A = 0;
    private static final byte PRE_B = 1;
    private static final byte PRE_RC = 2;
    private static final byte NO_PRE = 3; // also the sort rank of "no pre-release"
    private static final String[] PRE_LABELS = {"a", "b", "rc"};

    /**
     * The longest number a version may hold, in digits (leading zeros count): Python's default limit for
     * {@code int(str)}, above which packaging raises {@code ValueError} instead of returning a version. It also
     * keeps parsing linear: converting a longer number costs quadratic time.
     */
    static final int MAX_DIGITS = 4300;

    /* Positions of numbers in `big`: a number that does not fit in a long lives there (its long field then
       holds Long.MAX_VALUE, a placeholder never compared). */
    private static final int EPOCH = 0;
    private static final int PRE = 1;
    private static final int POST = 2;
    private static final int DEV = 3;
    private static final int RELEASE = 4;

    private final long epoch;
    private final long[] release;
    /** The length of the release without trailing zeros: what comparisons look at. */
    private final int significant;
    private final byte preKind;
    private final long pre;
    /** The post-release number, or -1 when there is none. */
    private final long post;
    /** The dev-release number, or -1 when there is none. */
    private final long dev;
    /** The normalised local label (lower case, dot-separated, numbers without leading zeros), or null. */
    private final String local;
    /** Null when every number fits in a long (the usual case); else the numbers that do not, by position. */
    private final BigInteger[] big;

    private int hash; // 0 until computed; racy but idempotent, as String.hashCode
    private String text; // the normal form, computed on first use

    private Version(long epoch, long[] release, byte preKind, long pre, long post, long dev, String local,
            BigInteger[] big) {
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.big = big;
        int n = release.length;
        while (n > 0 && release[n - 1] == 0 && bigAt(RELEASE + n - 1) == null) {
            n--;
        }
        this.significant = n;
    }

    /**
     * The version {@code text} spells.
     *
     * @throws InvalidVersionException if {@code text} is not a PEP 440 version
     */
    public static Version parse(String text) {
        Version v = scan(text);
        if (v == null) {
            throw new InvalidVersionException(text);
        }
        return v;
    }

    /**
     * The version {@code text} spells, or empty if it is not a PEP 440 version (old uploads on real indexes
     * have such versions; pip skips them). Never throws, and cheap on failure.
     */
    public static Optional<Version> tryParse(String text) {
        return Optional.ofNullable(scan(text));
    }

    /**
     * {@link #tryParse(String)} of {@code text.substring(begin, end)}, without copying it: how wheel filenames
     * read their version.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code text}
     */
    public static Optional<Version> tryParse(String text, int begin, int end) {
        java.util.Objects.checkFromToIndex(begin, end, text.length());
        return Optional.ofNullable(scan(text, begin, end));
    }

    /** Whether {@code text} is a PEP 440 version. */
    public static boolean isValid(String text) {
        return scan(text) != null;
    }

    /*
     * A hand-written equivalent of packaging's VERSION_PATTERN (with its possessive quantifiers), surrounded by
     * Python whitespace, matched case-insensitively on ASCII letters only. Returns null when it does not match.
     */
    static Version scan(String s) {
        return s == null ? null : scan(s, 0, s.length(), true);
    }

    /** {@link #scan(String)} of {@code s[begin, stop)}. */
    static Version scan(String s, int begin, int stop) {
        return scan(s, begin, stop, true);
    }

    /** {@link #scan(String, int, int)}; {@code limited} false lifts {@link #MAX_DIGITS}, for versions built from parts. */
    private static Version scan(String s, int begin, int stop, boolean limited) {
        Version plain = plainRelease(s, begin, stop);
        if (plain != null) {
            return plain;
        }
        int end = PythonText.stripEnd(s, begin, stop);
        int i = PythonText.stripStart(s, begin, end);
        if (i < end && lower(s.charAt(i)) == 'v') {
            i++;
        }

        long epoch = 0;
        BigInteger epochBig = null;
        int j = digitsEnd(s, i, end);
        if (j > i && j < end && s.charAt(j) == '!') {
            epoch = number(s, i, j);
            if (epoch < 0) {
                epochBig = bigNumber(s, i, j, limited);
                if (epochBig == null) {
                    return null;
                }
                epoch = Long.MAX_VALUE;
            }
            i = j + 1;
            j = digitsEnd(s, i, end);
        }

        // Release: N(.N)*
        if (j == i) {
            return null;
        }
        int count = 1;
        while (j + 1 < end && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
            j = digitsEnd(s, j + 1, end);
            count++;
        }
        int releaseEnd = j;
        long[] release = new long[count];
        BigInteger[] big = null;
        if (epochBig != null) {
            big = new BigInteger[RELEASE + count];
            big[EPOCH] = epochBig;
        }
        for (int n = 0, k = i; n < count; n++) {
            int e = digitsEnd(s, k, releaseEnd);
            long value = number(s, k, e);
            if (value < 0) {
                big = big != null ? big : new BigInteger[RELEASE + count];
                big[RELEASE + n] = bigNumber(s, k, e, limited);
                if (big[RELEASE + n] == null) {
                    return null;
                }
                value = Long.MAX_VALUE;
            }
            release[n] = value;
            k = e + 1;
        }
        i = releaseEnd;

        // Pre-release: [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? N?
        byte preKind = NO_PRE;
        long pre = 0;
        int k = skipSeparator(s, i, end);
        int label = preLabel(s, k, end);
        if (label >= 0) {
            preKind = (byte) (label >>> 8);
            k = skipSeparator(s, k + (label & 0xFF), end);
            j = digitsEnd(s, k, end);
            if (j > k) {
                pre = number(s, k, j);
                if (pre < 0) {
                    big = big != null ? big : new BigInteger[RELEASE + count];
                    big[PRE] = bigNumber(s, k, j, limited);
                    if (big[PRE] == null) {
                        return null;
                    }
                    pre = Long.MAX_VALUE;
                }
            }
            i = j;
        }

        // Post-release: -N, or [._-]? (post|rev|r) [._-]? N?
        long post = -1;
        int numberStart = -1;
        if (i + 1 < end && s.charAt(i) == '-' && isDigit(s.charAt(i + 1))) {
            numberStart = i + 1;
        } else {
            k = skipSeparator(s, i, end);
            int length = postLabel(s, k, end);
            if (length > 0) {
                numberStart = skipSeparator(s, k + length, end);
            }
        }
        if (numberStart >= 0) {
            j = digitsEnd(s, numberStart, end);
            post = 0;
            if (j > numberStart) {
                post = number(s, numberStart, j);
                if (post < 0) {
                    big = big != null ? big : new BigInteger[RELEASE + count];
                    big[POST] = bigNumber(s, numberStart, j, limited);
                    if (big[POST] == null) {
                        return null;
                    }
                    post = Long.MAX_VALUE;
                }
            }
            i = j;
        }

        // Dev release: [._-]? dev [._-]? N?
        long dev = -1;
        k = skipSeparator(s, i, end);
        if (k + 3 <= end && lower(s.charAt(k)) == 'd' && lower(s.charAt(k + 1)) == 'e'
                && lower(s.charAt(k + 2)) == 'v') {
            k = skipSeparator(s, k + 3, end);
            j = digitsEnd(s, k, end);
            dev = 0;
            if (j > k) {
                dev = number(s, k, j);
                if (dev < 0) {
                    big = big != null ? big : new BigInteger[RELEASE + count];
                    big[DEV] = bigNumber(s, k, j, limited);
                    if (big[DEV] == null) {
                        return null;
                    }
                    dev = Long.MAX_VALUE;
                }
            }
            i = j;
        }

        // Local: +[a-z0-9]+([._-][a-z0-9]+)*
        String local = null;
        if (i < end && s.charAt(i) == '+') {
            k = i + 1;
            j = alnumEnd(s, k, end);
            if (j == k) {
                return null;
            }
            while (j + 1 < end && isSeparator(s.charAt(j)) && isAlnum(s.charAt(j + 1))) {
                j = alnumEnd(s, j + 1, end);
            }
            if (limited && j - k > MAX_DIGITS && hasOverlongNumber(s, k, j)) {
                return null;
            }
            local = normalizeLocal(s, k, j);
            i = j;
        }

        if (i != end) {
            return null;
        }
        return new Version(epoch, release, preKind, pre, post, dev, local, big);
    }

    /**
     * The usual version, a bare release of numbers of at most 18 digits ({@code 3.10.8}), read in two tight
     * passes; null for anything else (whitespace, a {@code v}, any other segment), which {@link #scan} then reads
     * in full, to the same answer.
     */
    private static Version plainRelease(String s, int begin, int end) {
        int count = 1;
        int digits = 0;
        for (int i = begin; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return null;
                }
            } else if (c == '.' && digits > 0) {
                count++;
                digits = 0;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null; // empty, or a trailing dot
        }
        long[] release = new long[count];
        long value = 0;
        for (int i = begin, n = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                release[n++] = value;
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        release[count - 1] = value;
        return new Version(0, release, NO_PRE, 0, -1, -1, null, null);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        char l = lower(c);
        return isDigit(c) || (l >= 'a' && l <= 'z');
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    private static int digitsEnd(String s, int i, int end) {
        while (i < end && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int alnumEnd(String s, int i, int end) {
        while (i < end && isAlnum(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSeparator(String s, int i, int end) {
        return i < end && isSeparator(s.charAt(i)) ? i + 1 : i;
    }

    /** Whether {@code s[i..]} starts with the lower-case ASCII word {@code word}, ignoring ASCII case. */
    private static boolean startsWith(String s, int i, int end, String word) {
        if (end - i < word.length()) {
            return false;
        }
        for (int n = 0; n < word.length(); n++) {
            if (lower(s.charAt(i + n)) != word.charAt(n)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pre-release label at {@code i}, tried in packaging's order (alpha|a|beta|b|preview|pre|c|rc), as
     * {@code kind << 8 | length}, or -1.
     */
    private static int preLabel(String s, int i, int end) {
        if (i >= end) {
            return -1;
        }
        switch (lower(s.charAt(i))) {
            case 'a':
                return PRE_A << 8 | (startsWith(s, i, end, "alpha") ? 5 : 1);
            case 'b':
                return PRE_B << 8 | (startsWith(s, i, end, "beta") ? 4 : 1);
            case 'c':
                return PRE_RC << 8 | 1;
            case 'p':
                if (startsWith(s, i, end, "preview")) {
                    return PRE_RC << 8 | 7;
                }
                return startsWith(s, i, end, "pre") ? PRE_RC << 8 | 3 : -1;
            case 'r':
                return startsWith(s, i, end, "rc") ? PRE_RC << 8 | 2 : -1;
            default:
                return -1;
        }
    }

    /** The length of the post-release label at {@code i} (post|rev|r), or 0. */
    private static int postLabel(String s, int i, int end) {
        if (startsWith(s, i, end, "post")) {
            return 4;
        }
        if (startsWith(s, i, end, "rev")) {
            return 3;
        }
        return startsWith(s, i, end, "r") ? 1 : 0;
    }

    /**
     * The value of the ASCII digits {@code s[from, to)}, or -1 if it does not fit in a long or has more than
     * {@link #MAX_DIGITS} digits (then {@link #bigNumber} decides).
     */
    private static long number(String s, int from, int to) {
        if (to - from > MAX_DIGITS) {
            return -1;
        }
        while (from < to - 1 && s.charAt(from) == '0') {
            from++;
        }
        if (to - from > 19) {
            return -1;
        }
        long value = 0;
        if (to - from <= 18) {
            // At most 18 digits cannot overflow: no check (and no division) per digit, the usual case.
            for (int i = from; i < to; i++) {
                value = value * 10 + (s.charAt(i) - '0');
            }
            return value;
        }
        for (int i = from; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The number {@code s[from, to)}, or null when {@code limited} and it has more than {@link #MAX_DIGITS} digits. */
    private static BigInteger bigNumber(String s, int from, int to, boolean limited) {
        if (limited && to - from > MAX_DIGITS) {
            return null;
        }
        return new BigInteger(s.substring(from, to));
    }

    /** Whether a numeric segment of the local label {@code s[from, to)} has more than {@link #MAX_DIGITS} digits. */
    private static boolean hasOverlongNumber(String s, int from, int to) {
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isSeparator(c)) {
                run = 0;
            } else if (run >= 0 && isDigit(c)) {
                if (++run > MAX_DIGITS && (i + 1 == to || isSeparator(s.charAt(i + 1)))) {
                    return true;
                }
            } else {
                run = -1; // a letter: the segment is a string, whatever its length
            }
        }
        return false;
    }

    /** The local label in packaging's normal form: lower case, separators as dots, numbers without leading zeros. */
    private static String normalizeLocal(String s, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int segment = from;
        while (segment < to) {
            int e = segment;
            boolean numeric = true;
            while (e < to && !isSeparator(s.charAt(e))) {
                numeric &= isDigit(s.charAt(e));
                e++;
            }
            if (segment > from) {
                out.append('.');
            }
            int start = segment;
            if (numeric) {
                while (start < e - 1 && s.charAt(start) == '0') {
                    start++;
                }
            }
            for (int n = start; n < e; n++) {
                out.append(lower(s.charAt(n)));
            }
            segment = e + 1;
        }
        return out.toString();
    }

    // ---- accessors -------------------------------------------------------------------------------------

    /** The epoch ({@code 0} unless the version says {@code N!}). */
    public BigInteger epoch() {
        return numberAt(EPOCH, epoch);
    }

    /** The release segment, trailing zeros included ({@code 1.0.0} → {@code [1, 0, 0]}). */
    public List<BigInteger> release() {
        List<BigInteger> parts = new ArrayList<>(release.length);
        for (int i = 0; i < release.length; i++) {
            parts.add(numberAt(RELEASE + i, release[i]));
        }
        return Collections.unmodifiableList(parts);
    }

    /** The first release number. */
    public BigInteger major() {
        return releasePart(0);
    }

    /** The second release number, 0 if the release has only one. */
    public BigInteger minor() {
        return releasePart(1);
    }

    /** The third release number, 0 if the release has fewer. */
    public BigInteger micro() {
        return releasePart(2);
    }

    private BigInteger releasePart(int i) {
        return i < release.length ? numberAt(RELEASE + i, release[i]) : BigInteger.ZERO;
    }

    /** The pre-release segment ({@code a}, {@code b} or {@code rc} and a number), if any. */
    public Optional<Pre> pre() {
        return preKind == NO_PRE ? Optional.empty() : Optional.of(new Pre(PRE_LABELS[preKind], numberAt(PRE, pre)));
    }

    /** The post-release number, if any ({@code 1.0-1} and {@code 1.0.post1} both have 1). */
    public Optional<BigInteger> post() {
        return post < 0 ? Optional.empty() : Optional.of(numberAt(POST, post));
    }

    /** The development-release number, if any. */
    public Optional<BigInteger> dev() {
        return dev < 0 ? Optional.empty() : Optional.of(numberAt(DEV, dev));
    }

    /** The local label in normal form ({@code 1.0+Ubuntu-01} → {@code ubuntu.1}), if any. */
    public Optional<String> local() {
        return Optional.ofNullable(local);
    }

    /** Whether this is a pre-release: it has a pre-release segment or a dev segment. */
    public boolean isPrerelease() {
        return preKind != NO_PRE || dev >= 0;
    }

    /** Whether this is a post-release. */
    public boolean isPostrelease() {
        return post >= 0;
    }

    /** Whether this is a development release. */
    public boolean isDevrelease() {
        return dev >= 0;
    }

    /** This version without its local label ({@code 1.0+abc} → {@code 1.0}); itself when it has none. */
    public Version publicVersion() {
        return local == null ? this : new Version(epoch, release, preKind, pre, post, dev, null, big);
    }

    /** Epoch and release only ({@code 1!2.0rc1.post1+abc} → {@code 1!2.0}). */
    public Version baseVersion() {
        if (preKind == NO_PRE && post < 0 && dev < 0 && local == null) {
            return this;
        }
        BigInteger[] baseBig = null;
        if (big != null) {
            baseBig = big.clone();
            baseBig[PRE] = null;
            baseBig[POST] = null;
            baseBig[DEV] = null;
        }
        return new Version(epoch, release, NO_PRE, 0, -1, -1, null, baseBig);
    }

    private BigInteger bigAt(int slot) {
        return big == null ? null : big[slot];
    }

    private BigInteger numberAt(int slot, long value) {
        BigInteger b = bigAt(slot);
        return b != null ? b : BigInteger.valueOf(value);
    }

    // ---- package-private views for specifiers --------------------------------------------------------------

    int releaseLength() {
        return release.length;
    }

    boolean hasLocal() {
        return local != null;
    }

    /**
     * Whether this version starts with {@code prefix}'s epoch and release, this release padded with zeros: the
     * match of {@code ==prefix.*}.
     */
    boolean hasReleasePrefix(Version prefix) {
        if (compareNumber(this, EPOCH, epoch, prefix, EPOCH, prefix.epoch, true, true) != 0) {
            return false;
        }
        for (int i = 0; i < prefix.release.length; i++) {
            boolean present = i < release.length;
            if (compareNumber(this, RELEASE + i, present ? release[i] : 0, prefix, RELEASE + i, prefix.release[i],
                    present, true) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this version has the epoch, release (trailing zeros ignored) and pre-release of {@code other}: the
     * family of {@code other}'s post-releases and local versions that {@code >other} excludes.
     */
    boolean hasSameReleaseAndPre(Version other) {
        return compareNumber(this, EPOCH, epoch, other, EPOCH, other.epoch, true, true) == 0
                && compareRelease(this, other) == 0
                && preKind == other.preKind
                && compareNumber(this, PRE, pre, other, PRE, other.pre, preKind != NO_PRE, other.preKind != NO_PRE)
                == 0;
    }

    /**
     * packaging's {@code canonicalize_version}: the normal form, with trailing zeros of the release removed
     * (one number kept) when {@code stripTrailingZeros}.
     */
    String canonical(boolean stripTrailingZeros) {
        if (!stripTrailingZeros || significant == release.length || (significant == 0 && release.length == 1)) {
            return toString();
        }
        long[] trimmed = Arrays.copyOf(release, Math.max(significant, 1));
        BigInteger[] trimmedBig = big == null ? null : Arrays.copyOf(big, RELEASE + trimmed.length);
        return new Version(epoch, trimmed, preKind, pre, post, dev, local, trimmedBig).toString();
    }

    /**
     * The version with these parts (normalised). Used to build the bounds of specifiers, where it runs once per
     * specifier, so it goes through the text form.
     */
    static Version of(BigInteger epoch, List<BigInteger> release, Pre pre, BigInteger post, BigInteger dev) {
        StringBuilder text = new StringBuilder();
        if (epoch.signum() != 0) {
            text.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            text.append(i == 0 ? "" : ".").append(release.get(i));
        }
        if (pre != null) {
            text.append(pre);
        }
        if (post != null) {
            text.append(".post").append(post);
        }
        if (dev != null) {
            text.append(".dev").append(dev);
        }
        // A bound one above a number of MAX_DIGITS nines has one digit more: built, never parsed from input.
        String built = text.toString();
        return scan(built, 0, built.length(), false);
    }

    // ---- order -------------------------------------------------------------------------------------------

    /** packaging's order: epoch, release (trailing zeros ignored), pre/post/dev, then the local label. */
    @Override
    public int compareTo(Version o) {
        if (this == o) {
            return 0;
        }
        int c = comparePublic(o);
        return c != 0 ? c : compareLocal(local, o.local);
    }

    /** The order of the public versions: {@link #compareTo} ignoring both local labels. */
    int comparePublic(Version o) {
        int c = compareNumber(this, EPOCH, epoch, o, EPOCH, o.epoch, true, true);
        if (c != 0) {
            return c;
        }
        c = compareRelease(this, o);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        c = compareNumber(this, PRE, preKind == NO_PRE ? 0 : pre, o, PRE, o.preKind == NO_PRE ? 0 : o.pre,
                preKind != NO_PRE, o.preKind != NO_PRE);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(post >= 0, o.post >= 0);
        if (c != 0) {
            return c;
        }
        c = compareNumber(this, POST, Math.max(post, 0), o, POST, Math.max(o.post, 0), post >= 0, o.post >= 0);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(dev < 0, o.dev < 0); // a dev segment sorts first
        if (c != 0) {
            return c;
        }
        return compareNumber(this, DEV, Math.max(dev, 0), o, DEV, Math.max(o.dev, 0), dev >= 0, o.dev >= 0);
    }

    /** packaging's pre-release rank: a lone dev release -1, a 0, b 1, rc 2, none 3. */
    private int preRank() {
        if (preKind == NO_PRE && post < 0 && dev >= 0) {
            return -1;
        }
        return preKind;
    }

    private static int compareRelease(Version a, Version b) {
        int n = Math.min(a.significant, b.significant);
        if (a.big == null && b.big == null) {
            for (int i = 0; i < n; i++) {
                int c = Long.compare(a.release[i], b.release[i]);
                if (c != 0) {
                    return c;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                int c = compareNumber(a, RELEASE + i, a.release[i], b, RELEASE + i, b.release[i], true, true);
                if (c != 0) {
                    return c;
                }
            }
        }
        return Integer.compare(a.significant, b.significant);
    }

    /**
     * Compares two numbers that are either longs or, when their slot in {@code big} is set, BigIntegers (which
     * are always larger than any long). {@code present} says whether the slot holds a number at all.
     */
    private static int compareNumber(Version a, int slotA, long valueA, Version b, int slotB, long valueB,
            boolean presentA, boolean presentB) {
        BigInteger x = presentA && a.big != null ? a.big[slotA] : null;
        BigInteger y = presentB && b.big != null ? b.big[slotB] : null;
        if (x == null && y == null) {
            return Long.compare(valueA, valueB);
        }
        if (x == null) {
            return -1;
        }
        if (y == null) {
            return 1;
        }
        return x.compareTo(y);
    }

    /**
     * Compares normalised local labels as packaging does: none first; then segment by segment, a string below a
     * number, strings by code point, numbers numerically; a label that is a prefix of the other sorts first.
     */
    private static int compareLocal(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ea = segmentEnd(a, i);
            int eb = segmentEnd(b, j);
            boolean na = isNumeric(a, i, ea);
            boolean nb = isNumeric(b, j, eb);
            int c;
            if (na && nb) {
                // Normal form has no leading zeros, so a longer number is a larger one.
                c = Integer.compare(ea - i, eb - j);
                if (c == 0) {
                    c = compareChars(a, i, ea, b, j, eb);
                }
            } else if (na != nb) {
                c = na ? 1 : -1;
            } else {
                c = compareChars(a, i, ea, b, j, eb);
            }
            if (c != 0) {
                return c;
            }
            i = ea + 1;
            j = eb + 1;
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int segmentEnd(String s, int i) {
        int e = s.indexOf('.', i);
        return e < 0 ? s.length() : e;
    }

    private static boolean isNumeric(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int compareChars(String a, int i, int ea, String b, int j, int eb) {
        while (i < ea && j < eb) {
            int c = Character.compare(a.charAt(i++), b.charAt(j++));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ea - i, eb - j);
    }

    /** Equal in packaging's order: {@code 1.0} equals {@code 1.0.0}; local labels count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && (hashCode() == v.hashCode()) && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = hashNumber(EPOCH, epoch);
            for (int i = 0; i < significant; i++) {
                h = 31 * h + hashNumber(RELEASE + i, release[i]);
            }
            h = 31 * h + preRank();
            h = 31 * h + (preKind == NO_PRE ? 0 : hashNumber(PRE, pre));
            h = 31 * h + (post < 0 ? -1 : hashNumber(POST, post));
            h = 31 * h + (dev < 0 ? -1 : hashNumber(DEV, dev));
            h = 31 * h + Objects.hashCode(local);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    private int hashNumber(int slot, long value) {
        BigInteger b = bigAt(slot);
        return b != null ? b.hashCode() : Long.hashCode(value);
    }

    /** The normal form, as packaging's {@code str(version)}: {@code 1!2.0rc1.post2.dev3+abc.4}. */
    @Override
    public String toString() {
        String s = text;
        if (s == null) {
            StringBuilder out = new StringBuilder(16);
            if (epoch != 0 || bigAt(EPOCH) != null) {
                appendNumber(out, EPOCH, epoch).append('!');
            }
            appendRelease(out);
            if (preKind != NO_PRE) {
                appendNumber(out.append(PRE_LABELS[preKind]), PRE, pre);
            }
            if (post >= 0) {
                appendNumber(out.append(".post"), POST, post);
            }
            if (dev >= 0) {
                appendNumber(out.append(".dev"), DEV, dev);
            }
            if (local != null) {
                out.append('+').append(local);
            }
            s = out.toString();
            text = s;
        }
        return s;
    }

    private void appendRelease(StringBuilder out) {
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            appendNumber(out, RELEASE + i, release[i]);
        }
    }

    private StringBuilder appendNumber(StringBuilder out, int slot, long value) {
        BigInteger b = bigAt(slot);
        return b != null ? out.append(b) : out.append(value);
    }
}
