package io.github.wheelscout.pypi;

import io.github.wheelscout.index.IndexFile;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;

/**
 * Project pages kept on disk already parsed, in the cache folder's {@code pages/} (uv keeps its parsed pages the same
 * way): a Simple API page, or the JSON API's project document, each a compact entry read in a few microseconds per
 * file, where having OkHttp keep the body and parsing it again was most of a warm run's work.
 *
 * <p>These pages are fetched past OkHttp's cache ({@link HttpTransport#fetchUncached}): this is their cache. An
 * entry is written for a response that may be kept ({@link HttpTransport#storable}), with until when it is fresh
 * ({@link HttpTransport#freshUntil}: {@code max-age} as OkHttp counts it) and its validators. While fresh it
 * answers alone; once stale, the page is asked for again with {@code If-None-Match} (or
 * {@code If-Modified-Since}), and a 304 lets the entry answer (and renews its freshness); a new page replaces it.
 * Offline, an entry answers however old. Entries are keyed by the page's URL without credentials and hold that
 * URL, so that a name clash is a miss. Writing is atomic (a temporary file moved into place); a failure to read
 * or write is a miss, never an error.
 */
final class PageCache {

    private final Path dir;
    /** Whether {@link #dir} is known to exist (createDirectories throws and catches inside when it does). */
    private volatile boolean dirMade;

    private PageCache(Path dir) {
        this.dir = dir;
    }

    /** The parsed-page cache in {@code dir} (created when first written). */
    static PageCache in(Path dir) {
        return new PageCache(dir);
    }

    /** The entry for the page at {@code url}, fresh or not, or null when there is none that can be read. */
    PageCodec.Entry entry(HttpUrl url) {
        String key = key(url);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(key));
        } catch (IOException | RuntimeException e) {
            return null; // none yet (the usual miss), or unreadable
        }
        PageCodec.Entry entry = PageCodec.decode(bytes);
        return entry == null || !entry.url().equals(key) ? null : entry;
    }

    /**
     * Keeps the files parsed from the page at {@code url}, fresh until {@code freshUntilMillis}, read from a
     * response with these validators (each null when absent); a failure is ignored.
     */
    void put(HttpUrl url, List<IndexFile> files, long freshUntilMillis, String etag, String lastModified) {
        String key = key(url);
        Path target = file(key);
        Path tmp = null;
        try {
            if (!dirMade) {
                Files.createDirectories(dir);
                dirMade = true;
            }
            tmp = dir.resolve(target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            Files.write(tmp, PageCodec.encode(key, freshUntilMillis, etag, lastModified, files));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a cache is a cache: the next run parses the page again
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /** The page's URL without user name and password: the entry's key, as the HTTP cache's. */
    private static String key(HttpUrl url) {
        if (url.username().isEmpty() && url.password().isEmpty()) {
            return url.toString();
        }
        return url.newBuilder().username("").password("").build().toString();
    }

    /**
     * The entry's file: the page's last two path segments ({@code simple_numpy}, {@code numpy_json}, made safe for
     * a file name) and a 64-bit FNV-1a hash of the key, so that the same project on two indexes has two entries.
     */
    private Path file(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        int end = key.endsWith("/") ? key.length() - 1 : key.length();
        int last = key.lastIndexOf('/', end - 1);
        int start = last <= 0 ? 0 : key.lastIndexOf('/', last - 1) + 1;
        StringBuilder name = new StringBuilder(end - start + 17);
        for (int i = start; i < end && name.length() < 64; i++) {
            char c = key.charAt(i);
            name.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '_');
        }
        return dir.resolve(name.append('-').append(Long.toHexString(hash)).toString());
    }
}
