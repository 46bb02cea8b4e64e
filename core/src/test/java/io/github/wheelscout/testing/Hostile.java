package io.github.wheelscout.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile input for the parsers' property tests: random strings over an alphabet of the
 * characters that matter to them (separators, operators, quotes, line breaks, NUL, BOM, lone surrogates, ...),
 * and above all <em>near-valid</em> inputs: real filenames, versions, requirements and markers from the
 * reference vectors and the real requirements files, mutated a few times (a character inserted, deleted or
 * replaced, a span repeated or dropped, two inputs spliced, the case flipped).
 */
public final class Hostile {

    /** Characters that mean something to some parser, and characters that should mean nothing. */
    private static final String SYNTAX = "-_.!+*=<>~^;:,@#[]()\"'\\/ \t$" + "{}%&?|`"
            + "0123456789" + "aAbBcCdDeEfFnNpPrRsSvVwWxXyYzZ" + "\r\n\u000b\f\u001c\u0085\u2028\u2029"
            + "\u0000\ufeff\u00a0\u3000\u0130\u0131\u017f\u00e9\u00df\u212a";

    private Hostile() {
    }

    /** One character that matters to some parser, or (rarely) any code unit, a lone surrogate included. */
    public static Arbitrary<Character> syntaxChar() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.of(chars(SYNTAX))),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all()));
    }

    /** Random strings over {@link #syntaxChar()}, up to {@code maxLength} characters. */
    public static Arbitrary<String> syntaxStrings(int maxLength) {
        return syntaxChar().list().ofMaxSize(maxLength).map(Hostile::join);
    }

    /**
     * Near-valid inputs: an element of {@code corpus} mutated 0 to 4 times (one time in eight it is spliced with
     * another element first).
     */
    public static Arbitrary<String> mutationsOf(List<String> corpus) {
        Arbitrary<String> seed = Arbitraries.of(corpus);
        Arbitrary<String> spliced = Combinators.combine(seed, seed, Arbitraries.doubles().between(0, 1))
                .as((a, b, cut) -> a.substring(0, (int) (a.length() * cut)) + b.substring((int) (b.length() * cut)));
        Arbitrary<String> start = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, seed),
                net.jqwik.api.Tuple.of(1, spliced));
        // combine, not flatMap: the mutation generators are built once, not once per try
        return Combinators.combine(start, MUTATIONS).as((s, ms) -> {
            String out = s;
            for (Mutation m : ms) {
                out = m.apply(out);
            }
            return out;
        });
    }

    /** One edit of a string. */
    @FunctionalInterface
    public interface Mutation {
        /** The edited string. */
        String apply(String s);
    }

    private static final Arbitrary<List<Mutation>> MUTATIONS = mutation().list().ofMaxSize(4);

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> insert = Combinators.combine(at, syntaxChar()).as((p, c) -> s -> {
            int i = index(s, p);
            return s.substring(0, i) + c + s.substring(i);
        });
        Arbitrary<Mutation> delete = Combinators.combine(at, Arbitraries.integers().between(1, 4)).as((p, n) -> s -> {
            int i = index(s, p);
            return s.substring(0, i) + s.substring(Math.min(s.length(), i + n));
        });
        Arbitrary<Mutation> replace = Combinators.combine(at, syntaxChar()).as((p, c) -> s -> {
            int i = index(s, p);
            return i >= s.length() ? s + c : s.substring(0, i) + c + s.substring(i + 1);
        });
        Arbitrary<Mutation> repeat = Combinators.combine(at, Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(2, 40)).as((p, n, times) -> s -> {
                    int i = index(s, p);
                    String span = s.substring(i, Math.min(s.length(), i + n));
                    return s.substring(0, i) + span.repeat(times) + s.substring(i);
                });
        Arbitrary<Mutation> truncate = at.map(p -> s -> s.substring(0, index(s, p)));
        Arbitrary<Mutation> flipCase = at.map(p -> s -> {
            int i = index(s, p);
            if (i >= s.length()) {
                return s;
            }
            char c = s.charAt(i);
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            return s.substring(0, i) + flipped + s.substring(i + 1);
        });
        return Arbitraries.oneOf(insert, delete, replace, repeat, truncate, flipCase);
    }

    private static int index(String s, double p) {
        return (int) Math.round(s.length() * p);
    }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(c);
        }
        return out;
    }

    private static String join(List<Character> chars) {
        StringBuilder out = new StringBuilder(chars.size());
        chars.forEach(out::append);
        return out.toString();
    }

    // ---- corpora ------------------------------------------------------------------------------------------

    /** Every wheel filename of the public vectors, valid and invalid. */
    public static List<String> filenames() {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : Vectors.read("public.jsonl")) {
            String s = Vectors.text(n.get("input"));
            out.add(s != null ? s : Vectors.text(n.get("filename")));
        }
        return List.copyOf(out);
    }

    /** Every version string of the PEP 440 vectors. */
    public static List<String> versions() {
        Set<String> out = new LinkedHashSet<>();
        Vectors.read("pep440/versions.jsonl").forEach(n -> out.add(n.get("input").asText()));
        for (JsonNode n : Vectors.read("pep440/order.jsonl")) {
            if (n.has("sorted")) {
                n.get("sorted").forEach(v -> out.add(v.asText()));
            } else {
                out.add(n.get("a").asText());
                out.add(n.get("b").asText());
            }
        }
        return List.copyOf(out);
    }

    /** Every specifier set of the PEP 440 vectors. */
    public static List<String> specifiers() {
        Set<String> out = new LinkedHashSet<>();
        Vectors.read("pep440/specifiers.jsonl").forEach(n -> out.add(n.get("spec").asText()));
        Vectors.read("pep440/filters.jsonl").forEach(n -> out.add(n.get("spec").asText()));
        return List.copyOf(out);
    }

    /** Every marker of the PEP 440 vectors. */
    public static List<String> markers() {
        Set<String> out = new LinkedHashSet<>();
        Vectors.read("pep440/markers.jsonl").forEach(n -> out.add(n.get("marker").asText()));
        return List.copyOf(out);
    }

    /** Every requirement of the PEP 508 vectors, and every line of the real requirements files. */
    public static List<String> requirements() {
        Set<String> out = new LinkedHashSet<>();
        Vectors.read("pep440/requirements.jsonl").forEach(n -> out.add(n.get("input").asText()));
        out.addAll(realRequirementLines());
        return List.copyOf(out);
    }

    /** The non-blank lines of the real requirements files under {@code requirements/real}. */
    public static List<String> realRequirementLines() {
        List<String> out = new ArrayList<>();
        for (Path file : realRequirementFiles()) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The real requirements files copied under {@code src/test/resources/requirements/real}. */
    public static List<Path> realRequirementFiles() {
        URL root = Hostile.class.getResource("/requirements/real");
        if (root == null) {
            throw new IllegalStateException("missing test resource requirements/real");
        }
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
