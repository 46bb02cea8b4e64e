package io.github.wheelscout.requirement;

import io.github.wheelscout.util.PythonText;
import java.util.ArrayList;
import java.util.List;

/**
 * A port of packaging 26.3's hand-written PEP 508 parser ({@code _parser.py} and {@code _tokenizer.py}): the same
 * grammar, the same token rules (Python's regular expressions, matched by hand here) and the same error messages
 * and spans. Not thread-safe; one instance parses one string.
 */
final class Pep508Parser {

    /** A parsed requirement before its specifier and marker are built. */
    record Parsed(String name, List<String> extras, String specifier, String url, Marker.Group marker) {
    }

    /** Thrown inside the parser; turned into the public exception by the entry points. */
    static final class SyntaxError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final String reason;
        final int start;
        final int end;

        SyntaxError(String reason, int start, int end) {
            super(reason, null, false, false);
            this.reason = reason;
            this.start = start;
            this.end = end;
        }
    }

    private static final String[] VARIABLES = {
        "python_version", "python_full_version", "os_name", "os.name", "sys_platform", "sys.platform",
        "platform_release", "platform_system", "platform_version", "platform.version", "platform_machine",
        "platform.machine", "platform_python_implementation", "platform.python_implementation",
        "python_implementation", "implementation_name", "implementation_version", "extras", "extra",
        "dependency_groups",
    };

    private static final String[] OPERATORS = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};

    /**
     * The deepest nesting of parentheses in a marker. packaging parses 400 levels and fails before 500 (Python's
     * recursion limit); deeper input would exhaust the Java stack here and in every walk of the marker tree.
     */
    static final int MAX_MARKER_DEPTH = 500;

    private final String source;
    private int position;
    private int depth;

    private Pep508Parser(String source) {
        this.source = source;
    }

    static Parsed parseRequirement(String source) {
        try {
            return new Pep508Parser(source).requirement();
        } catch (SyntaxError e) {
            throw new InvalidRequirementException(source, e.reason, codePoints(source, e.start),
                    codePoints(source, e.end));
        }
    }

    static Marker parseMarker(String source) {
        try {
            Pep508Parser parser = new Pep508Parser(source);
            Marker.Group marker = parser.marker();
            parser.expectEnd("end of marker expression");
            return new Marker(marker);
        } catch (SyntaxError e) {
            throw new InvalidMarkerException(source, e.reason, codePoints(source, e.start),
                    codePoints(source, e.end));
        }
    }

    /** Python counts offsets in code points; the pointer line must too. */
    private static int codePoints(String s, int charIndex) {
        return s.codePointCount(0, Math.min(charIndex, s.length()));
    }

    // ---- grammar -------------------------------------------------------------------------------------------

    /** requirement = WS? IDENTIFIER WS? extras WS? requirement_details END */
    private Parsed requirement() {
        skipWhitespace();
        int nameEnd = identifier();
        if (nameEnd < 0) {
            throw error("Expected package name at the start of dependency specifier");
        }
        String name = source.substring(position, nameEnd);
        position = nameEnd;
        skipWhitespace();
        List<String> extras = extras();
        skipWhitespace();

        String url = null;
        String specifier = "";
        Marker.Group marker = null;
        if (at('@')) {
            position++;
            skipWhitespace();
            int urlStart = position;
            int urlEnd = urlEnd();
            if (urlEnd < 0) {
                throw error("Expected URL after @");
            }
            url = source.substring(position, urlEnd);
            position = urlEnd;
            if (!atEnd()) {
                if (!skipWhitespace()) {
                    throw error("Expected whitespace after URL");
                }
                if (!atEnd()) {
                    marker = requirementMarker(urlStart, "semicolon (after URL and whitespace)");
                }
            }
        } else {
            int specifierStart = position;
            specifier = specifier();
            skipWhitespace();
            if (!atEnd()) {
                marker = requirementMarker(specifierStart, specifier.isEmpty()
                        ? "semicolon (after name with no version specifier)"
                        : "comma (within version specifier), semicolon (after version specifier)");
            }
        }
        expectEnd("end of dependency specifier");
        return new Parsed(name, extras, specifier, url, marker);
    }

    /** requirement_marker = SEMICOLON marker WS? */
    private Marker.Group requirementMarker(int spanStart, String expected) {
        if (!at(';')) {
            throw new SyntaxError("Expected " + expected + " or end", spanStart, position);
        }
        position++;
        Marker.Group marker = marker();
        skipWhitespace();
        return marker;
    }

    /** extras = (LEFT_BRACKET WS? extras_list? WS? RIGHT_BRACKET)? */
    private List<String> extras() {
        List<String> extras = new ArrayList<>();
        if (!at('[')) {
            return extras;
        }
        int open = position++;
        skipWhitespace();
        int end = identifier();
        if (end >= 0) {
            extras.add(source.substring(position, end));
            position = end;
            while (true) {
                skipWhitespace();
                if (identifier() >= 0) {
                    throw error("Expected comma between extra names");
                }
                if (!at(',')) {
                    break;
                }
                position++;
                skipWhitespace();
                end = identifier();
                if (end < 0) {
                    throw error("Expected extra name after comma");
                }
                extras.add(source.substring(position, end));
                position = end;
            }
        }
        skipWhitespace();
        if (!at(']')) {
            throw new SyntaxError("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open, position);
        }
        position++;
        return extras;
    }

    /** specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many WS? */
    private String specifier() {
        int open = -1;
        if (at('(')) {
            open = position++;
        }
        skipWhitespace();
        String specifiers = versionMany();
        skipWhitespace();
        if (open >= 0) {
            if (!at(')')) {
                throw new SyntaxError("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version"
                        + " specifier", open, position);
            }
            position++;
        }
        return specifiers;
    }

    /** version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)? */
    private String versionMany() {
        StringBuilder specifiers = new StringBuilder();
        int end;
        while ((end = SpecifierToken.match(source, position)) >= 0) {
            int spanStart = position;
            String specifier = source.substring(position, end);
            specifiers.append(specifier);
            position = end;
            if (source.startsWith(".*", position)) {
                String message = ".* suffix can only be used with `==` or `!=` operators";
                if (specifier.startsWith("!=") || (specifier.startsWith("==") && !specifier.startsWith("==="))) {
                    message = ".* suffix cannot be used with pre-release, post-release, dev or local versions";
                }
                throw new SyntaxError(message, spanStart, position + 1);
            }
            if (position + 1 < source.length() && source.charAt(position) == '+'
                    && isLowerAlnum(source.charAt(position + 1))) {
                throw new SyntaxError("Local version label can only be used with `==` or `!=` operators", spanStart,
                        position);
            }
            skipWhitespace();
            if (!at(',')) {
                break;
            }
            specifiers.append(',');
            position++;
            skipWhitespace();
        }
        return specifiers.toString();
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** marker = marker_atom (BOOLOP marker_atom)* */
    private Marker.Group marker() {
        List<Marker.Node> atoms = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        atoms.add(markerAtom());
        String op;
        while ((op = boolOp()) != null) {
            position += op.length();
            ops.add(op);
            atoms.add(markerAtom());
        }
        return new Marker.Group(List.copyOf(atoms), List.copyOf(ops));
    }

    /** marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS? | WS? marker_item WS? */
    private Marker.Node markerAtom() {
        skipWhitespace();
        Marker.Node atom;
        if (at('(')) {
            int open = position++;
            if (++depth > MAX_MARKER_DEPTH) {
                throw new SyntaxError("Marker expression nested more than " + MAX_MARKER_DEPTH
                        + " parentheses deep", open, open + 1);
            }
            skipWhitespace();
            atom = marker();
            depth--;
            skipWhitespace();
            if (!at(')')) {
                throw new SyntaxError("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker"
                        + " expression", open, position);
            }
            position++;
        } else {
            atom = markerItem();
        }
        skipWhitespace();
        return atom;
    }

    /** marker_item = WS? marker_var WS? marker_op WS? marker_var WS? */
    private Marker.Comparison markerItem() {
        skipWhitespace();
        Marker.Operand lhs = markerVar();
        skipWhitespace();
        String op = markerOp();
        skipWhitespace();
        Marker.Operand rhs = markerVar();
        skipWhitespace();
        return new Marker.Comparison(lhs, op, rhs);
    }

    /** marker_var = VARIABLE | QUOTED_STRING */
    private Marker.Operand markerVar() {
        String variable = variable();
        if (variable != null) {
            position += variable.length();
            String name = variable.replace('.', '_');
            if (name.equals("python_implementation")) {
                name = "platform_python_implementation";
            }
            return new Marker.Operand(true, name);
        }
        if (at('\'') || at('"')) {
            int close = source.indexOf(source.charAt(position), position + 1);
            if (close >= 0) {
                String literal = source.substring(position, close + 1);
                String value = PythonStringLiteral.evaluate(literal);
                if (value == null) {
                    throw new SyntaxError("Invalid quoted string", position, close + 1);
                }
                position = close + 1;
                return new Marker.Operand(false, value);
            }
        }
        throw error("Expected a marker variable or quoted string");
    }

    /** marker_op = IN | NOT IN | OP */
    private String markerOp() {
        if (word("in")) {
            position += 2;
            return "in";
        }
        if (word("not")) {
            position += 3;
            if (!skipWhitespace()) {
                throw error("Expected whitespace after 'not'");
            }
            if (!word("in")) {
                throw error("Expected 'in' after 'not'");
            }
            position += 2;
            return "not in";
        }
        for (String op : OPERATORS) {
            if (source.startsWith(op, position)) {
                position += op.length();
                return op;
            }
        }
        throw error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }

    private void expectEnd(String expected) {
        if (!atEnd()) {
            throw error("Expected " + expected);
        }
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    private SyntaxError error(String reason) {
        return new SyntaxError(reason, position, position);
    }

    private boolean at(char c) {
        return position < source.length() && source.charAt(position) == c;
    }

    private boolean atEnd() {
        return position >= source.length();
    }

    /** WS = [ \t]+ (only space and tab: PEP 508 whitespace). Returns whether any was skipped. */
    private boolean skipWhitespace() {
        int start = position;
        while (position < source.length() && (source.charAt(position) == ' ' || source.charAt(position) == '\t')) {
            position++;
        }
        return position > start;
    }

    /** URL = [^ \t]+ ; the end of the URL at the current position, or -1. */
    private int urlEnd() {
        int i = position;
        while (i < source.length() && source.charAt(i) != ' ' && source.charAt(i) != '\t') {
            i++;
        }
        return i > position ? i : -1;
    }

    /**
     * IDENTIFIER = \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b ; the end of the identifier at the current position, or -1.
     * The final word boundary makes the match give back trailing {@code .-} ({@code foo-} is {@code foo}) but
     * keep a trailing {@code _}, which is a word character.
     */
    private int identifier() {
        if (!boundary(position) || position >= source.length() || !isAsciiAlnum(source.charAt(position))) {
            return -1;
        }
        int end = position + 1;
        while (end < source.length() && (isAsciiAlnum(source.charAt(end)) || source.charAt(end) == '.'
                || source.charAt(end) == '_' || source.charAt(end) == '-')) {
            end++;
        }
        for (; end > position; end--) {
            if (boundary(end)) {
                return end;
            }
        }
        return -1;
    }

    /** BOOLOP = \b(or|and)\b ; the operator at the current position, or null. */
    private String boolOp() {
        if (word("or")) {
            return "or";
        }
        return word("and") ? "and" : null;
    }

    /** VARIABLE: one of the marker variables, between word boundaries; or null. */
    private String variable() {
        if (!boundary(position)) {
            return null;
        }
        for (String name : VARIABLES) {
            if (source.startsWith(name, position) && boundary(position + name.length())) {
                return name;
            }
        }
        return null;
    }

    /** Whether {@code \bword\b} matches at the current position. */
    private boolean word(String word) {
        return source.startsWith(word, position) && boundary(position) && boundary(position + word.length());
    }

    /** Python's {@code \b}: a word character on exactly one side of {@code index}. */
    private boolean boundary(int index) {
        boolean before = index > 0 && PythonText.isWordCharacter(source.codePointBefore(index));
        boolean after = index < source.length() && PythonText.isWordCharacter(source.codePointAt(index));
        return before != after;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
