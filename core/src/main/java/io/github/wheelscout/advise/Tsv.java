package io.github.wheelscout.advise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the tab-separated tables bundled with this package: {@code #} lines are comments, the first other line
 * is the header (checked against the columns the caller expects), every row must have that many cells.
 * A malformed table is a bug in wheelscout, so it fails loudly with the resource and line.
 */
final class Tsv {

    /** One data row: its cells and where it was read. */
    record Row(String resource, int line, String[] cells) {

        String cell(int index) {
            return cells[index];
        }

        /** The cell split on spaces; {@code -} or an empty cell stands for none. */
        List<String> words(int index) {
            String c = cells[index].trim();
            if (c.isEmpty() || c.equals("-")) {
                return List.of();
            }
            return List.of(c.split(" +"));
        }

        IllegalStateException error(String message) {
            return new IllegalStateException(resource + ":" + line + ": " + message);
        }
    }

    private Tsv() {
    }

    /** The rows of {@code resource} (relative to this package), whose header must be {@code columns}. */
    static List<Row> read(String resource, String... columns) {
        String path = "/io/github/wheelscout/advise/" + resource;
        try (InputStream in = Tsv.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            boolean headerSeen = false;
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (!headerSeen) {
                    if (!Arrays.equals(cells, columns)) {
                        throw new IllegalStateException(path + ":" + lineNumber + ": header " + Arrays.toString(cells)
                                + ", expected " + Arrays.toString(columns));
                    }
                    headerSeen = true;
                    continue;
                }
                if (cells.length != columns.length) {
                    throw new IllegalStateException(path + ":" + lineNumber + ": " + cells.length + " cells, expected "
                            + columns.length);
                }
                rows.add(new Row(path, lineNumber, cells));
            }
            if (!headerSeen) {
                throw new IllegalStateException(path + ": no header");
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }
}
