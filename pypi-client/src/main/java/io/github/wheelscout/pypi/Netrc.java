package io.github.wheelscout.pypi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .netrc} file read as pip reads it (through requests and Python's {@code netrc} module):
 * {@code machine NAME login USER password PASS} entries, a {@code default} entry for any other host,
 * {@code account} accepted and used as the user when there is no {@code login}, {@code macdef} blocks skipped,
 * {@code #} comments. The first entry for a host wins, as in Python. A file that cannot be parsed is an
 * error naming the file and line, never a silent "no credentials".
 */
public final class Netrc {

    private final Map<String, Credentials> machines;
    private final Credentials fallback;

    private Netrc(Map<String, Credentials> machines, Credentials fallback) {
        this.machines = machines;
        this.fallback = fallback;
    }

    /** A netrc with no entries. */
    public static Netrc empty() {
        return new Netrc(Map.of(), null);
    }

    /** Reads {@code file}; a file that does not exist is an empty netrc. */
    public static Netrc read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses netrc text; {@code source} names it in error messages.
     *
     * @throws IOException when the text is not a netrc file
     */
    public static Netrc parse(String text, String source) throws IOException {
        Map<String, Credentials> machines = new HashMap<>();
        Credentials fallback = null;
        String[] lines = text.split("\r?\n", -1);
        Tokenizer t = new Tokenizer(lines);
        String token;
        while ((token = t.next()) != null) {
            int line = t.line;
            String host;
            if (token.equals("machine")) {
                host = t.next();
                if (host == null) {
                    throw new IOException(source + ":" + line + ": 'machine' without a host name");
                }
            } else if (token.equals("default")) {
                host = null;
            } else if (token.equals("macdef")) {
                t.next();
                t.skipMacro();
                continue;
            } else {
                throw new IOException(source + ":" + line + ": unexpected '" + token + "' (expected machine, default or macdef)");
            }
            String login = "";
            String account = "";
            String password = "";
            while (true) {
                String key = t.peek();
                if (key == null || key.equals("machine") || key.equals("default") || key.equals("macdef")) {
                    break;
                }
                t.next();
                String value = t.next();
                if (value == null) {
                    throw new IOException(source + ":" + t.line + ": '" + key + "' without a value");
                }
                switch (key) {
                    case "login", "user" -> login = value;
                    case "account" -> account = value;
                    case "password" -> password = value;
                    default -> throw new IOException(source + ":" + t.line + ": unknown netrc keyword '" + key + "'");
                }
            }
            // requests: the login, or the account when the login is empty
            Credentials credentials = new Credentials(login.isEmpty() ? account : login, password);
            if (host == null) {
                if (fallback == null) {
                    fallback = credentials;
                }
            } else {
                machines.putIfAbsent(host, credentials);
            }
        }
        return new Netrc(Map.copyOf(machines), fallback);
    }

    /** The credentials for {@code host} (a host name, without port), the {@code default} entry's, or empty. */
    public Optional<Credentials> forHost(String host) {
        Credentials c = machines.get(host);
        return Optional.ofNullable(c != null ? c : fallback);
    }

    /** Lists the hosts only: the credentials are never shown. */
    @Override
    public String toString() {
        return "Netrc" + machines.keySet() + (fallback != null ? " + default" : "");
    }

    /** Splits netrc text into tokens (quoted strings allowed), keeping the line number for messages. */
    private static final class Tokenizer {
        private final String[] lines;
        private int line; // 1-based line of the last token returned
        private int row;
        private int col;
        private String peeked;
        private int peekedLine;

        Tokenizer(String[] lines) {
            this.lines = lines;
        }

        String peek() {
            if (peeked == null) {
                peeked = read();
                peekedLine = row + 1;
            }
            return peeked;
        }

        String next() {
            String t = peek();
            line = peekedLine;
            peeked = null;
            return t;
        }

        /** A macro runs to the next empty line. */
        void skipMacro() {
            peeked = null;
            row++;
            col = 0;
            while (row < lines.length && !lines[row].isBlank()) {
                row++;
            }
        }

        private String read() {
            while (row < lines.length) {
                String s = lines[row];
                while (col < s.length() && Character.isWhitespace(s.charAt(col))) {
                    col++;
                }
                if (col >= s.length() || s.charAt(col) == '#') {
                    row++;
                    col = 0;
                    continue;
                }
                StringBuilder token = new StringBuilder();
                if (s.charAt(col) == '"') {
                    col++;
                    while (col < s.length() && s.charAt(col) != '"') {
                        char c = s.charAt(col++);
                        if (c == '\\' && col < s.length()) {
                            c = s.charAt(col++);
                        }
                        token.append(c);
                    }
                    col++;
                } else {
                    while (col < s.length() && !Character.isWhitespace(s.charAt(col))) {
                        char c = s.charAt(col++);
                        if (c == '\\' && col < s.length()) {
                            c = s.charAt(col++);
                        }
                        token.append(c);
                    }
                }
                return token.toString();
            }
            return null;
        }
    }
}
