package io.github.wheelscout.pypi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads PyPI JSON API documents with Jackson's streaming parser, binding only the per-file objects: the
 * project's {@code info} (whose {@code description} can be megabytes) and {@code vulnerabilities} are
 * skipped token by token, never decoded into strings or trees.
 */
public final class JsonApiParser {

    static final JsonFactory JSON = JsonFactory.builder()
            // deep nesting is the only shape a hostile document could use against a streaming parser
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private JsonApiParser() {
    }

    /**
     * Every file of {@code GET {root}/{name}/json}: {@code releases} flattened, each file's version being its
     * release key.
     *
     * @param source names the document in error messages (a redacted URL or a path)
     * @throws MalformedResponseException when the document is not a JSON API project document
     * @throws IOException                when reading fails
     */
    public static List<IndexFile> projectFiles(InputStream in, ProjectName project, String source) throws IOException {
        List<IndexFile> files = new ArrayList<>();
        boolean sawReleases = false;
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, source, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("releases")) {
                    expect(value, JsonToken.START_OBJECT, source, "'releases' to be an object");
                    sawReleases = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String version = p.currentName();
                        expect(p.nextToken(), JsonToken.START_ARRAY, source, "release '" + version + "' to be a list");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            files.add(file(p, version, source));
                        }
                        expect(p.currentToken(), JsonToken.END_ARRAY, source, "files of release '" + version + "' to be objects");
                    }
                } else {
                    p.skipChildren();
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, source, "the document to end");
            p.nextToken(); // reads past the end, so trailing garbage is noticed
            if (p.currentToken() != null) {
                throw new MalformedResponseException(source + ": unexpected content after the JSON document");
            }
        } catch (JsonProcessingException e) {
            throw malformed(source, e);
        }
        if (!sawReleases) {
            throw new MalformedResponseException(source + ": not a PyPI JSON API project document (no 'releases')");
        }
        return files;
    }

    /**
     * The metadata of {@code GET {root}/{name}/{version}/json}: {@code info.requires_dist} (null means none)
     * and {@code info.requires_python}.
     *
     * @throws MalformedResponseException when the document is not a JSON API release document
     */
    public static ReleaseMetadata releaseMetadata(InputStream in, ProjectName project, String version, String source)
            throws IOException {
        List<String> requiresDist = new ArrayList<>();
        String requiresPython = null;
        boolean sawInfo = false;
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, source, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("info")) {
                    p.skipChildren();
                    continue;
                }
                expect(value, JsonToken.START_OBJECT, source, "'info' to be an object");
                sawInfo = true;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if (key.equals("requires_dist") && v == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.VALUE_STRING) {
                                throw new MalformedResponseException(source + ": 'info.requires_dist' holds a non-string");
                            }
                            requiresDist.add(p.getText());
                        }
                    } else if (key.equals("requires_python") && v == JsonToken.VALUE_STRING) {
                        requiresPython = p.getText().isBlank() ? null : p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed(source, e);
        }
        if (!sawInfo) {
            throw new MalformedResponseException(source + ": not a PyPI JSON API release document (no 'info')");
        }
        return new ReleaseMetadata(project, version, requiresDist, requiresPython);
    }

    private static IndexFile file(JsonParser p, String version, String source) throws IOException {
        String filename = null;
        String url = null;
        long size = -1;
        Map<String, String> hashes = new HashMap<>();
        String requiresPython = null;
        boolean yanked = false;
        String yankedReason = null;
        String uploadIso = null;
        String uploadPlain = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "filename" -> filename = text(p, v);
                case "url" -> url = text(p, v);
                case "size" -> size = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : size;
                case "digests" -> {
                    if (v == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken h = p.nextToken();
                            if (h == JsonToken.VALUE_STRING) {
                                hashes.put(Documents.hashName(name), p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "md5_digest" -> {
                    String md5 = text(p, v);
                    if (md5 != null && !md5.isEmpty()) {
                        hashes.putIfAbsent("md5", md5);
                    }
                }
                case "requires_python" -> requiresPython = text(p, v);
                case "yanked" -> yanked = v == JsonToken.VALUE_TRUE;
                case "yanked_reason" -> yankedReason = text(p, v);
                case "upload_time_iso_8601" -> uploadIso = text(p, v);
                case "upload_time" -> uploadPlain = text(p, v);
                default -> p.skipChildren();
            }
        }
        if (filename == null && url != null) {
            filename = url.substring(url.lastIndexOf('/') + 1);
        }
        if (filename == null || filename.isEmpty()) {
            throw new MalformedResponseException(source + ": a file of release '" + version + "' has no filename");
        }
        if (requiresPython != null && requiresPython.isBlank()) {
            requiresPython = null;
        }
        if (yankedReason != null && yankedReason.isEmpty()) {
            yankedReason = null;
        }
        Instant uploaded = Documents.uploadTime(uploadIso != null ? uploadIso : uploadPlain);
        return new IndexFile(filename, version, FileKind.of(filename), url,
                size >= 0 ? OptionalLong.of(size) : OptionalLong.empty(), hashes, requiresPython,
                yanked, yanked ? yankedReason : null, uploaded, false);
    }

    /** A string value, null for JSON null; other types are skipped as null (a lenient read of optional fields). */
    static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    static void expect(JsonToken actual, JsonToken expected, String source, String what) throws MalformedResponseException {
        if (actual != expected) {
            throw new MalformedResponseException(source + ": expected " + what + ", found "
                    + (actual == null ? "the end of the document (truncated?)" : actual.asString() != null ? "'" + actual.asString() + "'" : actual.name()));
        }
    }

    static MalformedResponseException malformed(String source, JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        String truncated = detail != null && detail.contains("end-of-input") ? " (the document is truncated)" : "";
        return new MalformedResponseException(source + ": malformed JSON" + truncated + where + ": " + firstLine(detail), e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
