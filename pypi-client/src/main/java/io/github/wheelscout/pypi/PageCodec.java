package io.github.wheelscout.pypi;

import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
    private static final int MAGIC = 0x57535001;

    private static final int YANKED = 1;
    private static final int CORE_METADATA = 2;
    private static final int HAS_VERSION = 4;
    private static final int HAS_REQUIRES_PYTHON = 8;
    private static final int HAS_YANKED_REASON = 16;
    private static final int HAS_UPLOAD_TIME = 32;
    private static final int HAS_SIZE = 64;

    /** A decoded entry: the page it is for, until when (epoch milliseconds) it is fresh, and its files. */
    record Entry(String url, long freshUntilMillis, List<IndexFile> files) {
    }

    private PageCodec() {
    }

    /** The entry for the page at {@code url} (credentials removed), fresh until {@code freshUntilMillis}. */
    static byte[] encode(String url, long freshUntilMillis, List<IndexFile> files) {
        Writer w = new Writer(256 + files.size() * 256);
        w.putInt(MAGIC);
        w.putString(url);
        w.putLong(freshUntilMillis);
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
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
            return null;
        }
        in.limit(bytes.length - 4);
        try {
            if (in.getInt() != MAGIC) {
                return null;
            }
            String url = getString(in);
            long freshUntil = in.getLong();
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                return null;
            }
            FileKind[] kinds = FileKind.values();
            List<IndexFile> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int flags = in.get();
                int kind = in.get();
                if (kind < 0 || kind >= kinds.length) {
                    return null;
                }
                String filename = getString(in);
                String fileUrl = getString(in);
                String version = (flags & HAS_VERSION) != 0 ? getString(in) : null;
                String requiresPython = (flags & HAS_REQUIRES_PYTHON) != 0 ? getString(in) : null;
                String reason = (flags & HAS_YANKED_REASON) != 0 ? getString(in) : null;
                Instant uploaded = (flags & HAS_UPLOAD_TIME) != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
                OptionalLong size = (flags & HAS_SIZE) != 0 ? OptionalLong.of(in.getLong()) : OptionalLong.empty();
                int hashCount = in.getInt();
                if (hashCount < 0 || hashCount > in.remaining()) {
                    return null;
                }
                Map<String, String> hashes = hashCount == 0 ? Map.of() : new HashMap<>(hashCount * 2);
                for (int h = 0; h < hashCount; h++) {
                    hashes.put(getString(in), getString(in));
                }
                files.add(new IndexFile(filename, version, kinds[kind], fileUrl, size, hashes, requiresPython,
                        (flags & YANKED) != 0, reason, uploaded, (flags & CORE_METADATA) != 0));
            }
            return in.hasRemaining() ? null : new Entry(url, freshUntil, files);
        } catch (BufferUnderflowException | IllegalArgumentException | java.time.DateTimeException e) {
            return null; // a damaged entry that happened to pass the checksum: a miss all the same
        }
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            int chars = -1 - length;
            if (chars > in.remaining() / 2) {
                throw new BufferUnderflowException();
            }
            char[] utf16 = new char[chars];
            in.asCharBuffer().get(utf16);
            in.position(in.position() + 2 * chars);
            return new String(utf16);
        }
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** A growing big-endian byte buffer that ends with the CRC-32C of what was put. */
    private static final class Writer extends ByteArrayOutputStream {
        Writer(int size) {
            super(size);
        }

        void putByte(int b) {
            write(b);
        }

        void putInt(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        /** UTF-8, or UTF-16 (a negative length) for a string UTF-8 cannot hold: one with a lone surrogate. */
        void putString(String s) {
            if (!wellFormed(s)) {
                putInt(-1 - s.length());
                for (int i = 0; i < s.length(); i++) {
                    write(s.charAt(i) >>> 8);
                    write(s.charAt(i));
                }
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            write(utf8, 0, utf8.length);
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
            return toByteArray();
        }
    }
}
