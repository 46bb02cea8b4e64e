package io.github.wheelscout.pypi;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * The binary form of one parsed project page in the {@link PageCache}: the page's URL, until when it is fresh,
 * and its files, field by field. Strings are length-prefixed UTF-8 (UTF-16 for the rare one with a lone
 * surrogate, which UTF-8 cannot hold), so that reading one is a copy rather than a parse; a CRC-32C over the whole entry rejects a torn or damaged file. Decoding anything that is not a whole,
 * well-formed entry of this version returns null: a cache entry that cannot be read is a miss, never an error.
 */
final class PageCodec {

    /** "WSP" and the format's version: an entry of another version is a miss and is rewritten. */
    private static final int MAGIC = 0x57535003;

    private static final int YANKED = 1;
    private static final int CORE_METADATA = 2;
    private static final int HAS_VERSION = 4;
    private static final int HAS_REQUIRES_PYTHON = 8;
    private static final int HAS_YANKED_REASON = 16;
    private static final int HAS_UPLOAD_TIME = 32;
    private static final int HAS_SIZE = 64;

    /**
     * A decoded entry: the page it is for, until when (epoch milliseconds) it is fresh, the {@code ETag} and
     * {@code Last-Modified} of the response it was read from (each null when absent), and its files.
     */
    record Entry(String url, long freshUntilMillis, String etag, String lastModified, List<IndexFile> files) {

        /** Whether the entry may answer without the server being asked at {@code nowMillis}. */
        boolean freshAt(long nowMillis) {
            return nowMillis < freshUntilMillis;
        }
    }

    private PageCodec() {
    }

    /**
     * The entry for the page at {@code url} (credentials removed), fresh until {@code freshUntilMillis}, read from
     * a response with these validators (each null when absent).
     */
    static byte[] encode(String url, long freshUntilMillis, String etag, String lastModified, List<IndexFile> files) {
        Writer w = new Writer(256 + files.size() * 256);
        w.putInt(MAGIC);
        w.putString(url);
        w.putLong(freshUntilMillis);
        w.putNullable(etag);
        w.putNullable(lastModified);
        w.putInt(files.size());
        for (IndexFile f : files) {
            int flags = (f.yanked() ? YANKED : 0) | (f.coreMetadata() ? CORE_METADATA : 0)
                    | (f.version() != null ? HAS_VERSION : 0) | (f.requiresPython() != null ? HAS_REQUIRES_PYTHON : 0)
                    | (f.yankedReason() != null ? HAS_YANKED_REASON : 0) | (f.uploadTime() != null ? HAS_UPLOAD_TIME : 0)
                    | (f.size().isPresent() ? HAS_SIZE : 0);
            w.putByte(flags);
            w.putByte(f.kind().ordinal());
            w.putString(f.filename());
            w.putString(f.url());
            if (f.version() != null) {
                w.putString(f.version());
            }
            if (f.requiresPython() != null) {
                w.putString(f.requiresPython());
            }
            if (f.yankedReason() != null) {
                w.putString(f.yankedReason());
            }
            if (f.uploadTime() != null) {
                w.putLong(f.uploadTime().getEpochSecond());
                w.putInt(f.uploadTime().getNano());
            }
            if (f.size().isPresent()) {
                w.putLong(f.size().getAsLong());
            }
            w.putInt(f.hashes().size());
            for (Map.Entry<String, String> h : f.hashes().entrySet()) {
                w.putString(h.getKey());
                w.putString(h.getValue());
            }
        }
        return w.finish();
    }

    /** The entry in {@code bytes}, or null when they are not a whole, undamaged entry of this format. */
    static Entry decode(byte[] bytes) {
        if (bytes.length < 8) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        Reader in = new Reader(bytes, bytes.length - 4);
        if ((int) crc.getValue() != new Reader(bytes, bytes.length).at(bytes.length - 4).getInt()) {
            return null;
        }
        try {
            if (in.getInt() != MAGIC) {
                return null;
            }
            String url = in.getString();
            long freshUntil = in.getLong();
            String etag = in.getNullable();
            String lastModified = in.getNullable();
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                return null;
            }
            FileKind[] kinds = FileKind.values();
            List<IndexFile> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int flags = in.getByte();
                int kind = in.getByte();
                if (kind >= kinds.length) {
                    return null;
                }
                String filename = in.getString();
                String fileUrl = in.getString();
                String version = (flags & HAS_VERSION) != 0 ? in.getString() : null;
                String requiresPython = (flags & HAS_REQUIRES_PYTHON) != 0 ? in.getString() : null;
                String reason = (flags & HAS_YANKED_REASON) != 0 ? in.getString() : null;
                Instant uploaded = (flags & HAS_UPLOAD_TIME) != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
                OptionalLong size = (flags & HAS_SIZE) != 0 ? OptionalLong.of(in.getLong()) : OptionalLong.empty();
                int hashCount = in.getInt();
                Map<String, String> hashes;
                if (hashCount == 0) {
                    hashes = Map.of();
                } else if (hashCount == 1) {
                    hashes = Map.of(in.getString(), in.getString()); // the usual one, sha256: no copy later
                } else {
                    if (hashCount < 0 || hashCount > in.remaining()) {
                        return null;
                    }
                    hashes = new HashMap<>(hashCount * 2);
                    for (int h = 0; h < hashCount; h++) {
                        hashes.put(in.getString(), in.getString());
                    }
                }
                files.add(new IndexFile(filename, version, kinds[kind], fileUrl, size, hashes, requiresPython,
                        (flags & YANKED) != 0, reason, uploaded, (flags & CORE_METADATA) != 0));
            }
            return in.remaining() != 0 ? null : new Entry(url, freshUntil, etag, lastModified, files);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.time.DateTimeException e) {
            return null; // a damaged entry that happened to pass the checksum: a miss all the same
        }
    }

    /**
     * Reads big-endian values from a byte array up to a limit, throwing {@link IndexOutOfBoundsException} past it
     * (plain array reads: a warm run decodes thousands of files, mostly before the JIT has compiled this).
     */
    private static final class Reader {
        private final byte[] b;
        private final int limit;
        private int pos;

        Reader(byte[] b, int limit) {
            this.b = b;
            this.limit = limit;
        }

        Reader at(int position) {
            pos = position;
            return this;
        }

        int remaining() {
            return limit - pos;
        }

        private int advance(int n) {
            int at = pos;
            if (n < 0 || n > limit - at) {
                throw new IndexOutOfBoundsException(at + n);
            }
            pos = at + n;
            return at;
        }

        int getByte() {
            return b[advance(1)] & 0xff;
        }

        int getInt() {
            int p = advance(4);
            return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
        }

        long getLong() {
            return (long) getInt() << 32 | (getInt() & 0xffffffffL);
        }

        /** A string after a byte that says whether there is one (1) or not (0). */
        String getNullable() {
            int present = getByte();
            if (present > 1) {
                throw new IllegalArgumentException("not a presence byte: " + present);
            }
            return present == 1 ? getString() : null;
        }

        String getString() {
            int length = getInt();
            if (length < 0) {
                int chars = -1 - length;
                int p = advance(chars * 2);
                char[] utf16 = new char[chars];
                for (int i = 0; i < chars; i++) {
                    utf16[i] = (char) ((b[p + 2 * i] & 0xff) << 8 | (b[p + 2 * i + 1] & 0xff));
                }
                return new String(utf16);
            }
            return new String(b, advance(length), length, StandardCharsets.UTF_8);
        }
    }

    /** A growing big-endian byte buffer that ends with the CRC-32C of what was put. */
    private static final class Writer {
        private byte[] buf;
        private int count;

        Writer(int size) {
            buf = new byte[size];
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        void putByte(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        void putInt(int v) {
            ensure(4);
            buf[count] = (byte) (v >>> 24);
            buf[count + 1] = (byte) (v >>> 16);
            buf[count + 2] = (byte) (v >>> 8);
            buf[count + 3] = (byte) v;
            count += 4;
        }

        void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        private void putBytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, count, bytes.length);
            count += bytes.length;
        }

        /** Whether there is a string (a byte, 1 or 0), then the string. */
        void putNullable(String s) {
            putByte(s == null ? 0 : 1);
            if (s != null) {
                putString(s);
            }
        }

        /** UTF-8, or UTF-16 (a negative length) for a string UTF-8 cannot hold: one with a lone surrogate. */
        void putString(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            // UTF-8 writes a lone surrogate as '?': only then is the (slower) char by char check needed
            if (contains(utf8, (byte) '?') && !wellFormed(s)) {
                putInt(-1 - s.length());
                for (int i = 0; i < s.length(); i++) {
                    putByte(s.charAt(i) >>> 8);
                    putByte(s.charAt(i));
                }
                return;
            }
            putInt(utf8.length);
            putBytes(utf8);
        }

        private static boolean contains(byte[] bytes, byte b) {
            for (byte x : bytes) {
                if (x == b) {
                    return true;
                }
            }
            return false;
        }

        /** Whether every surrogate in {@code s} is half of a pair (a JSON escape can make one that is not). */
        private static boolean wellFormed(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
            }
            return true;
        }

        byte[] finish() {
            CRC32C crc = new CRC32C();
            crc.update(buf, 0, count);
            putInt((int) crc.getValue());
            return Arrays.copyOf(buf, count);
        }
    }
}
