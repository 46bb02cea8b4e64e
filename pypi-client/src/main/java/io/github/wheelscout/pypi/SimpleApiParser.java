package io.github.wheelscout.pypi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.name.ProjectName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads Simple API project pages as pip reads them: PEP 691 JSON (with PEP 700 {@code size} and
 * {@code upload-time}, PEP 714 {@code core-metadata} and its older names, PEP 592 {@code yanked}) and PEP 503
 * HTML (parsed with jsoup: every {@code <a href>}, {@code <base href>} honoured, {@code #sha256=} fragments,
 * {@code data-requires-python}, {@code data-yanked}, {@code data-core-metadata} /
 * {@code data-dist-info-metadata}). File URLs are resolved against the page's final URL and stripped of
 * credentials; a file's version is read from its name ({@link Documents#versionFromFilename}).
 */
public final class SimpleApiParser {

    /** The PEP 691 JSON content type. */
    public static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";
    /** The PEP 691 HTML content type. */
    public static final String HTML_TYPE = "application/vnd.pypi.simple.v1+html";
    /** What to ask for: JSON preferred, then the versioned HTML, then legacy HTML. */
    public static final String ACCEPT = JSON_TYPE + ", " + HTML_TYPE + ";q=0.2, text/html;q=0.01";

    private static final String[] HASH_NAMES = {"sha1", "sha224", "sha384", "sha256", "sha512", "md5"};

    private SimpleApiParser() {
    }

    /** Which parser a response's {@code Content-Type} calls for: "json", "html", or null for neither. */
    public static String formatOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case JSON_TYPE, "application/vnd.pypi.simple.latest+json" -> "json";
            case HTML_TYPE, "application/vnd.pypi.simple.latest+html", "text/html" -> "html";
            default -> null;
        };
    }

    /**
     * The files of a PEP 691 JSON page.
     *
     * @param pageUrl the page's final URL (after redirects), for relative file URLs
     * @param source  names the page in error messages
     */
    public static List<IndexFile> json(InputStream in, ProjectName project, String pageUrl, String source)
            throws IOException {
        List<IndexFile> files = new ArrayList<>();
        HttpUrl base = HttpUrl.parse(pageUrl);
        PlainLinks plain = PlainLinks.of(base);
        boolean sawFiles = false;
        try (JsonParser p = JsonApiParser.JSON.createParser(in)) {
            JsonApiParser.expect(p.nextToken(), JsonToken.START_OBJECT, source, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "meta" -> checkApiVersion(p, value, source);
                    case "files" -> {
                        JsonApiParser.expect(value, JsonToken.START_ARRAY, source, "'files' to be a list");
                        sawFiles = true;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            IndexFile file = jsonFile(p, project, pageUrl, base, plain, source);
                            if (file != null) {
                                files.add(file);
                            }
                        }
                        JsonApiParser.expect(p.currentToken(), JsonToken.END_ARRAY, source, "'files' to hold objects");
                    }
                    default -> p.skipChildren();
                }
            }
            JsonApiParser.expect(p.currentToken(), JsonToken.END_OBJECT, source, "the document to end");
            p.nextToken();
            if (p.currentToken() != null) {
                throw new MalformedResponseException(source + ": unexpected content after the JSON document");
            }
        } catch (JsonProcessingException e) {
            throw JsonApiParser.malformed(source, e);
        }
        if (!sawFiles) {
            throw new MalformedResponseException(source + ": not a PEP 691 project page (no 'files')");
        }
        return files;
    }

    /** PEP 691: a client must refuse a major API version it does not know. */
    private static void checkApiVersion(JsonParser p, JsonToken value, String source) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("api-version") && v == JsonToken.VALUE_STRING) {
                String version = p.getText();
                if (!version.equals("1") && !version.startsWith("1.")) {
                    throw new MalformedResponseException(source + ": unsupported Simple API version '" + version
                            + "' (this client reads major version 1)");
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static IndexFile jsonFile(JsonParser p, ProjectName project, String pageUrl, HttpUrl base,
            PlainLinks plain, String source) throws IOException {
        String filename = null;
        String url = null;
        Map<String, String> hashes = new HashMap<>();
        String requiresPython = null;
        Object yanked = null;
        Boolean coreMetadata = null;
        Boolean distInfoMetadata = null;
        long size = -1;
        String uploadTime = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "filename" -> filename = JsonApiParser.text(p, v);
                case "url" -> url = JsonApiParser.text(p, v);
                case "hashes" -> {
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
                case "requires-python" -> requiresPython = JsonApiParser.text(p, v);
                case "yanked" -> yanked = v == JsonToken.VALUE_TRUE ? Boolean.TRUE
                        : v == JsonToken.VALUE_STRING ? p.getText() : skipped(p);
                case "core-metadata" -> coreMetadata = metadataFlag(p, v);
                case "dist-info-metadata", "data-dist-info-metadata" -> {
                    Boolean flag = metadataFlag(p, v);
                    if (distInfoMetadata == null) {
                        distInfoMetadata = flag;
                    }
                }
                case "size" -> size = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : size;
                case "upload-time" -> uploadTime = JsonApiParser.text(p, v);
                default -> p.skipChildren();
            }
        }
        if (url == null) {
            return null; // pip ignores a file without a URL: there is nothing to install
        }
        Link link = plain == null ? null : plain.resolve(url);
        if (link == null) {
            link = Link.resolve(pageUrl, base, url, source);
        }
        if (filename == null) {
            filename = link.filename();
        }
        // pip: a reason string is yanked with that reason, true is yanked without one, "" / false is not yanked
        boolean isYanked = yanked instanceof Boolean || (yanked instanceof String s && !s.isEmpty());
        String reason = yanked instanceof String s && !s.isEmpty() ? s : null;
        boolean metadata = coreMetadata != null ? coreMetadata : Boolean.TRUE.equals(distInfoMetadata);
        return new IndexFile(filename, Documents.versionFromFilename(filename, project), FileKind.of(filename),
                link.url(), size >= 0 ? OptionalLong.of(size) : OptionalLong.empty(), hashes,
                Documents.blankToNull(requiresPython), isYanked, reason, Documents.uploadTime(uploadTime), metadata);
    }

    private static Object skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** PEP 658/714 in JSON: {@code true} or a dict of hashes means available; false or null means not. */
    private static Boolean metadataFlag(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.START_OBJECT) {
            p.skipChildren();
            return Boolean.TRUE;
        }
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        return v == JsonToken.VALUE_TRUE;
    }

    /**
     * The files of a PEP 503 HTML page (any {@code text/html} page: every anchor with an {@code href}).
     *
     * @param pageUrl the page's final URL, the base for relative links unless the page has {@code <base href>}
     */
    public static List<IndexFile> html(InputStream in, ProjectName project, String pageUrl, String source)
            throws IOException {
        Document doc = Jsoup.parse(in, "UTF-8", pageUrl);
        List<IndexFile> files = new ArrayList<>();
        HttpUrl base = HttpUrl.parse(pageUrl);
        for (Element a : doc.select("a[href]")) {
            String absolute = a.absUrl("href");
            Link link = absolute.isEmpty() ? Link.resolve(pageUrl, base, a.attr("href"), source) : Link.of(absolute);
            String filename = link.filename();
            if (filename.isEmpty()) {
                continue; // a link to a folder, not a file
            }
            Map<String, String> hashes = new HashMap<>();
            String fragment = link.fragment();
            if (fragment != null) {
                int eq = fragment.indexOf('=');
                if (eq > 0) {
                    String name = Documents.hashName(fragment.substring(0, eq));
                    for (String supported : HASH_NAMES) {
                        if (supported.equals(name)) {
                            hashes.put(name, fragment.substring(eq + 1));
                        }
                    }
                }
            }
            // pip unescapes data-requires-python once more after the HTML parser did
            String requiresPython = a.hasAttr("data-requires-python")
                    ? Parser.unescapeEntities(a.attr("data-requires-python"), true) : null;
            boolean yanked = a.hasAttr("data-yanked");
            String reason = yanked && !a.attr("data-yanked").isEmpty() ? a.attr("data-yanked") : null;
            // pip: data-core-metadata, else data-dist-info-metadata; any non-empty value means the file exists
            String metadataAttr = a.attr("data-core-metadata");
            if (metadataAttr.isEmpty()) {
                metadataAttr = a.attr("data-dist-info-metadata");
            }
            files.add(new IndexFile(filename, Documents.versionFromFilename(filename, project), FileKind.of(filename),
                    link.url(), OptionalLong.empty(), hashes, Documents.blankToNull(requiresPython), yanked,
                    reason, null, !metadataAttr.isEmpty()));
        }
        return files;
    }

    /**
     * A file link, read once: the URL stored (absolute, without credentials and fragment: {@link
     * #stripCredentials}), the filename ({@link #lastSegment}) and the raw fragment (null when none). An http(s)
     * URL is parsed once, not once per question: pages list thousands of files.
     */
    record Link(String url, String filename, String fragment) {

        /** {@code href} resolved against the page ({@link SimpleApiParser#resolve}). */
        static Link resolve(String pageUrl, HttpUrl base, String href, String source) throws MalformedResponseException {
            HttpUrl resolved = base == null ? null : base.resolve(href);
            return resolved != null ? of(resolved, resolved.encodedFragment())
                    : of(SimpleApiParser.resolve(pageUrl, base, href, source));
        }

        /** An absolute URL. */
        static Link of(String absolute) {
            HttpUrl http = HttpUrl.parse(absolute);
            return http != null ? of(http, fragmentOf(absolute))
                    : new Link(stripCredentials(absolute), lastSegment(absolute), fragmentOf(absolute));
        }

        /** {@code fragment} as the URL's text has it (what follows {@code #}). */
        private static Link of(HttpUrl http, String fragment) {
            String stored = http.username().isEmpty() && http.password().isEmpty() && http.encodedFragment() == null
                    ? http.toString() : http.newBuilder().username("").password("").fragment(null).build().toString();
            return new Link(stored, lastSegment(http), fragment);
        }
    }

    /** {@code href} resolved against {@code base}: OkHttp for http(s) pages, java.net.URI for file: pages. */
    static String resolve(String base, HttpUrl httpBase, String href, String source) throws MalformedResponseException {
        if (httpBase != null) {
            HttpUrl resolved = httpBase.resolve(href);
            if (resolved != null) {
                return resolved.toString();
            }
        }
        try {
            return new URI(base).resolve(new URI(href)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MalformedResponseException(source + ": a file URL cannot be resolved: '" + Redaction.text(href) + "'");
        }
    }

    /** The last path segment, percent-decoded, without query or fragment (pip's {@code Link.filename}). */
    static String lastSegment(String url) {
        HttpUrl http = HttpUrl.parse(url);
        if (http != null) {
            return lastSegment(http);
        }
        String path = url;
        int cut = path.indexOf('#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        cut = path.indexOf('?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return java.net.URLDecoder.decode(last.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }

    private static String lastSegment(HttpUrl http) {
        List<String> segments = http.pathSegments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!segments.get(i).isEmpty()) {
                return segments.get(i);
            }
        }
        return "";
    }

    private static String fragmentOf(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? null : url.substring(hash + 1);
    }

    /**
     * A file URL without userinfo (the index's credentials are added per host at request time, never stored)
     * and without the fragment (its hash is in {@link IndexFile#hashes()}).
     */
    static String stripCredentials(String url) {
        HttpUrl http = HttpUrl.parse(url);
        if (http != null) {
            return http.newBuilder().username("").password("").fragment(null).build().toString();
        }
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

}
