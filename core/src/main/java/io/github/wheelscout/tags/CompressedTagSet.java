package io.github.wheelscout.tags;

import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.util.PythonStrings;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The set of tags a wheel filename's tag part stands for. A compressed tag set such as
 * {@code cp39.cp310-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64} carries every combination of its
 * interpreters, ABIs and platforms (here four tags). Parsing follows packaging 26.3's {@code parse_tag}: members
 * are lower-cased, duplicates merged; an empty member or an interpreter that is not a Python identifier is
 * invalid.
 *
 * <p>The set is kept compact: parsing checks the text and remembers where its three parts are, without copying
 * anything, so that reading and matching wheel filenames ({@link Target#compatibility(CompressedTagSet)}) allocates
 * no member strings and no {@link Tag} objects. The member lists are built when first asked for; iterating creates
 * tags on demand, in interpreter, ABI, platform order. Instances are immutable and thread-safe.
 */
public final class CompressedTagSet extends AbstractSet<Tag> {

    /** The text the parts are read from, or null for a set built from its lists ({@link #of(Tag)}). */
    private final String text;
    /** {@code text[from, dash1)} interpreters, {@code (dash1, dash2)} ABIs, {@code (dash2, to)} platforms. */
    private final int from;
    private final int dash1;
    private final int dash2;
    private final int to;
    // Built on first use from the text; a race builds equal immutable lists twice, which is harmless.
    private List<String> interpreters;
    private List<String> abis;
    private List<String> platforms;

    private CompressedTagSet(String text, int from, int dash1, int dash2, int to) {
        this.text = text;
        this.from = from;
        this.dash1 = dash1;
        this.dash2 = dash2;
        this.to = to;
    }

    private CompressedTagSet(List<String> interpreters, List<String> abis, List<String> platforms) {
        this(null, 0, 0, 0, 0);
        this.interpreters = interpreters;
        this.abis = abis;
        this.platforms = platforms;
    }

    /**
     * Parses a tag string, compressed or not ({@code py2.py3-none-any}).
     *
     * @throws InvalidTagException with packaging's message, if a member is empty, the string does not have
     *     exactly three {@code -}-separated parts, or an interpreter is not a Python identifier
     */
    public static CompressedTagSet parse(String tag) {
        return parse(tag, 0, tag.length(), true);
    }

    /** {@link #parse(String)}, or empty instead of an exception; cheap on failure. */
    public static java.util.Optional<CompressedTagSet> tryParse(String tag) {
        return java.util.Optional.ofNullable(parse(tag, 0, tag.length(), false));
    }

    /**
     * Parses {@code s[from, to)}; on failure throws (with packaging's message) when {@code throwing}, else returns
     * null. The set reads its members straight out of {@code s} (and keeps it), so a wheel filename's tags cost no
     * copy.
     */
    public static CompressedTagSet parse(String s, int from, int to, boolean throwing) {
        int firstDash = -1;
        int secondDash = -1;
        int dashes = 0;
        boolean emptyMember = false;
        boolean afterSeparator = true; // the start counts as one: a member may not be empty
        // The interpreters are checked on the way when ASCII (cp312, py3, pp310): each a Python identifier.
        boolean asciiInterpreters = true;
        boolean validAsciiInterpreters = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '.') {
                emptyMember |= afterSeparator;
                afterSeparator = true;
                if (c == '-') {
                    dashes++;
                    if (dashes == 1) {
                        firstDash = i;
                    } else if (dashes == 2) {
                        secondDash = i;
                    }
                }
            } else {
                if (dashes == 0) {
                    if (c >= 0x80) {
                        asciiInterpreters = false;
                    } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                            || (!afterSeparator && c >= '0' && c <= '9'))) {
                        validAsciiInterpreters = false;
                    }
                }
                afterSeparator = false;
            }
        }
        emptyMember |= afterSeparator;
        if (emptyMember || dashes != 2 || !(asciiInterpreters ? validAsciiInterpreters
                : firstInvalidInterpreter(s, from, firstDash) == null)) {
            if (!throwing) {
                return null;
            }
            // Rare: report exactly as packaging does, in its order of checks.
            String tag = s.substring(from, to);
            checkEmptyMembers(tag);
            if (dashes != 2) {
                throw new InvalidTagException(tag, "Tag " + PythonRepr.of(tag)
                        + " must have exactly three components");
            }
            throw new InvalidTagException(tag, "Tag " + PythonRepr.of(tag) + " has an invalid interpreter: "
                    + PythonRepr.of(firstInvalidInterpreter(s, from, firstDash)));
        }
        return new CompressedTagSet(s, from, firstDash, secondDash, to);
    }

    /** The tag set of exactly one tag. */
    public static CompressedTagSet of(Tag tag) {
        return new CompressedTagSet(List.of(tag.interpreter()), List.of(tag.abi()), List.of(tag.platform()));
    }

    /**
     * The lower-cased, de-duplicated members of {@code s[from, to)} split at {@code .} (the parse has checked
     * that none is empty).
     */
    private static List<String> members(String s, int from, int to) {
        int dot = indexOfDot(s, from, to);
        if (dot < 0) {
            return List.of(PythonStrings.lower(s.substring(from, to)));
        }
        List<String> out = new ArrayList<>(4);
        int start = from;
        while (true) {
            int end = dot < 0 ? to : dot;
            String member = PythonStrings.lower(s.substring(start, end));
            if (!out.contains(member)) {
                out.add(member);
            }
            if (end == to) {
                break;
            }
            start = end + 1;
            dot = indexOfDot(s, start, to);
        }
        return List.copyOf(out);
    }

    static int indexOfDot(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '.') {
                return i;
            }
        }
        return -1;
    }

    /** packaging's first check: any empty member of any {@code -}-separated component. */
    private static void checkEmptyMembers(String tag) {
        for (String component : tag.split("-", -1)) {
            for (String member : component.split("\\.", -1)) {
                if (member.isEmpty()) {
                    throw new InvalidTagException(tag, "Tag " + PythonRepr.of(tag) + " has an empty component: "
                            + PythonRepr.of(component));
                }
            }
        }
    }

    private static String firstInvalidInterpreter(String s, int from, int to) {
        int start = from;
        while (start <= to) {
            int dot = indexOfDot(s, start, to);
            int memberEnd = dot < 0 ? to : dot;
            if (!PythonStrings.isIdentifier(s, start, memberEnd)) {
                return s.substring(start, memberEnd);
            }
            start = memberEnd + 1;
        }
        return null;
    }

    // ---- the parts as written, for Target's lookups (null text: use the lists) -----------------------------

    /** The text the parts are read from, or null when the set was built from lists. */
    String text() {
        return text;
    }

    int interpretersFrom() {
        return from;
    }

    int interpretersTo() {
        return dash1;
    }

    int abisFrom() {
        return dash1 + 1;
    }

    int abisTo() {
        return dash2;
    }

    int platformsFrom() {
        return dash2 + 1;
    }

    int platformsTo() {
        return to;
    }

    // ---- the members --------------------------------------------------------------------------------------

    /** The distinct interpreter members, lower-case, in the order written ({@code cp39}, {@code cp310}). */
    public List<String> interpreters() {
        List<String> list = interpreters;
        if (list == null) {
            list = members(text, from, dash1);
            interpreters = list;
        }
        return list;
    }

    /** The distinct ABI members, lower-case, in the order written. */
    public List<String> abis() {
        List<String> list = abis;
        if (list == null) {
            list = members(text, dash1 + 1, dash2);
            abis = list;
        }
        return list;
    }

    /** The distinct platform members, lower-case, in the order written. */
    public List<String> platforms() {
        List<String> list = platforms;
        if (list == null) {
            list = members(text, dash2 + 1, to);
            platforms = list;
        }
        return list;
    }

    /** The platform members as models. */
    public List<PlatformTag> platformTags() {
        List<PlatformTag> out = new ArrayList<>(platforms().size());
        for (String platform : platforms()) {
            out.add(PlatformTag.parse(platform));
        }
        return Collections.unmodifiableList(out);
    }

    /** The families of the platform members: e.g. {@code [MANYLINUX]} for a glibc-only binary wheel. */
    public Set<PlatformTag.Family> platformFamilies() {
        Set<PlatformTag.Family> out = EnumSet.noneOf(PlatformTag.Family.class);
        for (String platform : platforms()) {
            out.add(PlatformTag.parse(platform).family());
        }
        return Collections.unmodifiableSet(out);
    }

    /** Whether every tag is pure Python: platform {@code any} only. */
    public boolean isPurePlatform() {
        List<String> members = platforms();
        return members.size() == 1 && members.get(0).equals("any");
    }

    @Override
    public int size() {
        return interpreters().size() * abis().size() * platforms().size();
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Tag t && interpreters().contains(t.interpreter()) && abis().contains(t.abi())
                && platforms().contains(t.platform());
    }

    @Override
    public Iterator<Tag> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Tag next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<String> platformList = platforms();
                List<String> abiList = abis();
                int p = next % platformList.size();
                int rest = next / platformList.size();
                int a = rest % abiList.size();
                int i = rest / abiList.size();
                next++;
                return new Tag(interpreters().get(i), abiList.get(a), platformList.get(p));
            }
        };
    }

    /** The compressed form, lower-case and de-duplicated: {@code cp39.cp310-abi3-manylinux_2_17_x86_64}. */
    @Override
    public String toString() {
        return String.join(".", interpreters()) + '-' + String.join(".", abis()) + '-' + String.join(".", platforms());
    }
}
