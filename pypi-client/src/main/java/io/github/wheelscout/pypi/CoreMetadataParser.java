package io.github.wheelscout.pypi;

import io.github.wheelscout.index.ReleaseMetadata;
import io.github.wheelscout.name.ProjectName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields a resolver needs from a core metadata file ({@code METADATA} / {@code PKG-INFO}, served
 * as {@code {file_url}.metadata} by PEP 658): {@code Requires-Dist} (every occurrence, in order) and
 * {@code Requires-Python}. The format is RFC 822 headers as Python's {@code email} parser reads them: names
 * case-insensitive, continuation lines (starting with a space or tab) unfolded, the headers end at the first
 * empty line (the description follows and is not read).
 */
public final class CoreMetadataParser {

    private CoreMetadataParser() {
    }

    /**
     * The metadata in {@code bytes} (UTF-8; invalid sequences replaced).
     *
     * @param source names the file in error messages
     * @throws MalformedResponseException when the text has no header at all
     */
    public static ReleaseMetadata parse(byte[] bytes, ProjectName project, String version, String source)
            throws MalformedResponseException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> requiresDist = new ArrayList<>();
        String requiresPython = null;
        boolean sawHeader = false;
        String name = null;
        StringBuilder value = null;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                break; // end of headers
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && value != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                requiresPython = store(name, value.toString(), requiresDist, requiresPython);
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedResponseException(source + ": not a core metadata file (line '"
                        + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "' is not a header)");
            }
            sawHeader = true;
            name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            value = new StringBuilder(line.substring(colon + 1).strip());
        }
        if (name != null) {
            requiresPython = store(name, value.toString(), requiresDist, requiresPython);
        }
        if (!sawHeader) {
            throw new MalformedResponseException(source + ": empty core metadata file");
        }
        return new ReleaseMetadata(project, version, requiresDist, requiresPython);
    }

    private static String store(String name, String value, List<String> requiresDist, String requiresPython) {
        if (name.equals("requires-dist") && !value.isEmpty()) {
            requiresDist.add(value);
        } else if (name.equals("requires-python") && requiresPython == null && !value.isEmpty()) {
            return value;
        }
        return requiresPython;
    }
}
