package io.github.wheelscout.tags;

import io.github.wheelscout.util.PythonStrings;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed set of tag members (interpreters, ABIs or platforms of a target), each with its index, looked up by a
 * region of a wheel filename without copying or lower-casing it first: what makes matching a filename against a
 * target allocation-free. Immutable; open addressing over a power-of-two table.
 */
final class TagTable {

    private final String[] keys;
    private final int[] ids;
    private final int mask;

    /** The table of {@code members} (lower-case, distinct); a member's id is its index in the list. */
    TagTable(List<String> members) {
        int capacity = Integer.highestOneBit(Math.max(4, members.size() * 4) - 1) << 1;
        keys = new String[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        for (int id = 0; id < members.size(); id++) {
            String key = members.get(id);
            int slot = hash(key, 0, key.length()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = id;
        }
    }

    /** The id of {@code member}, or -1. */
    int find(String member) {
        return find(member, 0, member.length());
    }

    /**
     * The id of the member {@code s[from, to)} as Python's {@code lower()} would write it, or -1. ASCII is
     * lower-cased on the fly; other text (rare in tags) goes through {@link PythonStrings#lower}.
     */
    int find(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                String lower = PythonStrings.lower(s.substring(from, to));
                return lookUp(hash(lower, 0, lower.length()), lower, 0, lower.length());
            }
            h = 31 * h + lowerAscii(c);
        }
        return lookUp(mix(h), s, from, to);
    }

    /**
     * {@link #find(String, int, int)} of the member that starts at {@code from} and ends at the next {@code .} or
     * at {@code to}, in one pass over it: the member's end in the high 32 bits, its id (or -1) in the low 32 bits
     * (read them with {@link #end(long)} and {@link #id(long)}).
     */
    long findMember(String s, int from, int to) {
        int h = 0;
        int i = from;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                break;
            }
            if (c >= 0x80) {
                int dot = CompressedTagSet.indexOfDot(s, i, to);
                int end = dot < 0 ? to : dot;
                return (long) end << 32 | (find(s, from, end) & 0xFFFFFFFFL);
            }
            h = 31 * h + lowerAscii(c);
        }
        return (long) i << 32 | (lookUp(mix(h), s, from, i) & 0xFFFFFFFFL);
    }

    /** The member's end in a {@link #findMember} answer. */
    static int end(long found) {
        return (int) (found >>> 32);
    }

    /** The member's id, or -1, in a {@link #findMember} answer. */
    static int id(long found) {
        return (int) found;
    }

    private int lookUp(int hash, String s, int from, int to) {
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (equalsLowered(keys[slot], s, from, to)) {
                return ids[slot];
            }
        }
        return -1;
    }

    /** The hash {@link #find} computes: of the key's characters, ASCII lower-cased. */
    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lowerAscii(s.charAt(i));
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Whether {@code s[from, to)}, ASCII lower-cased, is {@code key}. */
    private static boolean equalsLowered(String key, String s, int from, int to) {
        if (key.length() != to - from) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != lowerAscii(s.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TagTable" + Arrays.toString(keys);
    }
}
