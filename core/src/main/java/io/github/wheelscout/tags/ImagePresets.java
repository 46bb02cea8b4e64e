package io.github.wheelscout.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * wheelscout's image table: the resource {@code images.tsv} (one row per published image reference, with the
 * sources in {@code images-SOURCES.md} beside it), read once, on first use, into an immutable index.
 *
 * <p>References are matched after Docker's normalisation: {@code docker.io/library/python:3.12} and
 * {@code python:3.12} are the same image; no tag means {@code :latest}; a digest ({@code @sha256:...}) is kept for
 * display but the tag decides. Docker's per-architecture namespaces ({@code arm64v8/python:3.12}) select the
 * architecture.
 */
public final class ImagePresets {

    private static final String RESOURCE = "images.tsv";
    private static final String[] HEADER =
            {"pattern", "python", "python_full", "impl", "libc", "libc_version", "os", "arches", "source"};
    private static final List<String> DOCKER_HUB_PREFIXES =
            List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/", "registry.hub.docker.com/");
    private static final Set<String> ARCH_NAMESPACES = Set.of("amd64", "arm64v8", "arm32v7", "arm32v6", "arm32v5",
            "i386", "ppc64le", "s390x", "riscv64", "mips64le");

    /** A summary of what the table covers, for error messages. */
    static final String KNOWN_PATTERNS = String.join("\n  ",
            "known images (wheelscout's image table):",
            "python:X.Y[.Z][-slim][-trixie|-bookworm|-bullseye|-buster|-stretch], python:X.Y[.Z]-alpine[A.B],"
                    + " python:X.Y-rc..., python:3[-variant], python:latest|slim|alpine",
            "pypy:X.Y[-V[.V[.V]]][-slim][-trixie|-bookworm|-bullseye|-buster], pypy:3, pypy:latest",
            "public.ecr.aws/lambda/python:X.Y and amazon/aws-lambda-python:X.Y (3.8 to 3.14)",
            "gcr.io/distroless/python3-debian12 and -debian13 [:latest|:nonroot|:debug|:debug-nonroot]",
            "alpine:A.B (3.10 to 3.24), debian:11|12|13|bullseye|bookworm|trixie|forky[-slim],"
                    + " ubuntu:20.04|22.04|24.04|... (their own python3 package)",
            "with an optional docker.io/library/ prefix and @sha256:... digest;"
                    + " or describe the machine: --python X.Y --platform manylinux_2_36_x86_64");

    private ImagePresets() {
    }

    /** The immutable table, loaded when first needed (the JVM's lazy holder idiom). */
    private static final class Table {
        static final Map<String, ImagePreset> BY_REFERENCE = load();
        static final List<ImagePreset> ALL = List.copyOf(BY_REFERENCE.values());
        /** Every row's reference as Docker reads it, parsed once: suggestions for an unknown image compare them all. */
        static final List<Reference> REFERENCES = ALL.stream().map(p -> Reference.parse(p.reference())).toList();
    }

    /** Every row of the table, in file order. */
    public static List<ImagePreset> all() {
        return Table.ALL;
    }

    /** The row for {@code reference} after Docker's normalisation, if the table has it. */
    public static Optional<ImagePreset> find(String reference) {
        Reference ref = Reference.parse(reference);
        return Optional.ofNullable(lookup(ref));
    }

    /**
     * The target for an image reference on an architecture (null: the namespace's architecture, else x86_64).
     *
     * @throws UnknownImageException if the table does not have the image
     * @throws IllegalArgumentException if the reference or architecture is malformed, the image is not published
     *     for the architecture, or its Python or C library is not known
     */
    static Target target(String reference, String arch) {
        Reference ref = Reference.parse(reference);
        ImagePreset preset = lookup(ref);
        if (preset == null) {
            throw unknown(reference, ref);
        }
        Architecture architecture;
        if (arch != null && !arch.isBlank()) {
            architecture = Architecture.parse(arch);
            if (ref.namespaceArch != null && !ref.namespaceArch.equals(architecture)
                    && !(ref.namespaceArch.name().equals("armv7l") && architecture.name().equals("armv8l"))) {
                throw new IllegalArgumentException("image " + reference + " is the " + ref.namespaceArch
                        + " build, but the architecture asked for is " + architecture);
            }
        } else {
            architecture = ref.namespaceArch != null ? ref.namespaceArch : Architecture.X86_64;
        }
        String display = preset.reference() + (ref.digest == null ? "" : "@" + ref.digest);
        return preset.target(architecture, display);
    }

    private static ImagePreset lookup(Reference ref) {
        // No tag means :latest; the table spells some such images both ways.
        ImagePreset bare = ref.tag.equals("latest") ? Rows.find(ref.repository) : null;
        ImagePreset tagged = Rows.find(ref.repository + ":" + ref.tag);
        return ref.tagGiven ? (tagged != null ? tagged : bare) : (bare != null ? bare : tagged);
    }

    /**
     * The table's text, searched for one row at a time. A run asks for one or two images of 2,700: reading the
     * bytes and finding the row costs a small fraction of building every preset, which every run would pay.
     * {@link Table} builds them all (and checks the table) for the callers that want them all.
     */
    private static final class Rows {
        static final byte[] TEXT = read();
        /** Where the first row starts, after the header. */
        static final int FIRST = checkHeader();

        /** The first row whose pattern is {@code reference} (as the full table keeps the first), or null. */
        static ImagePreset find(String reference) {
            if (reference.indexOf('\t') >= 0 || reference.indexOf('\n') >= 0 || reference.indexOf('\r') >= 0) {
                return null; // no pattern holds them, and they would match across fields or lines
            }
            byte[] key = (reference + "\t").getBytes(StandardCharsets.UTF_8);
            byte[] text = TEXT;
            int line = FIRST;
            while (line < text.length) {
                int end = line;
                while (end < text.length && text[end] != '\n') {
                    end++;
                }
                if (startsWith(text, line, end, key)) {
                    int lineEnd = end > line && text[end - 1] == '\r' ? end - 1 : end;
                    return preset(new String(text, line, lineEnd - line, StandardCharsets.UTF_8), -1);
                }
                line = end + 1;
            }
            return null;
        }

        private static boolean startsWith(byte[] text, int from, int to, byte[] key) {
            if (to - from < key.length) {
                return false;
            }
            for (int i = 0; i < key.length; i++) {
                if (text[from + i] != key[i]) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] read() {
            try (InputStream in = ImagePresets.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE + " beside " + ImagePresets.class);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int checkHeader() {
            int end = 0;
            while (end < TEXT.length && TEXT[end] != '\n') {
                end++;
            }
            String header = new String(TEXT, 0, end, StandardCharsets.UTF_8).strip();
            if (!Arrays.equals(header.split("\t", -1), HEADER)) {
                throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
            }
            return end + 1;
        }
    }

    /** One row of the table; {@code lineNumber} names it in errors (-1: unknown). */
    private static ImagePreset preset(String line, int lineNumber) {
        String[] f = line.split("\t", -1);
        if (f.length != HEADER.length) {
            throw new IllegalStateException(RESOURCE + (lineNumber < 0 ? "" : ":" + lineNumber) + ": expected "
                    + HEADER.length + " fields, found " + f.length + (lineNumber < 0 ? " in row " + f[0] : ""));
        }
        Libc.Family family = Libc.Family.valueOf(f[4].toUpperCase(Locale.ROOT));
        List<String> arches = f[7].isEmpty() ? List.of() : List.of(f[7].split(","));
        return new ImagePreset(f[0], f[1], f[2], f[3], family, f[5], f[6], arches, f[8]);
    }

    private static UnknownImageException unknown(String input, Reference ref) {
        StringBuilder message = new StringBuilder("unknown image '").append(input).append("'");
        List<String> similar = similar(ref);
        if (!similar.isEmpty()) {
            message.append("; similar known images: ").append(String.join(", ", similar));
        } else {
            Set<String> repositories = new LinkedHashSet<>();
            for (Reference r : Table.REFERENCES) {
                repositories.add(r.repository);
            }
            message.append("; no image of repository '").append(ref.repository).append("' is known (known: ")
                    .append(String.join(", ", repositories)).append(")");
        }
        message.append("\n  ").append(KNOWN_PATTERNS);
        return new UnknownImageException(input, message.toString());
    }

    /** Up to five references of the same repository whose tags are closest to the one asked for. */
    private static List<String> similar(Reference ref) {
        // Tags are short: comparing the start of an enormous one suggests as well, in bounded time.
        String asked = ref.tag.length() > 64 ? ref.tag.substring(0, 64) : ref.tag;
        List<String> candidates = new ArrayList<>();
        Map<String, Integer> distance = new LinkedHashMap<>();
        for (int i = 0; i < Table.ALL.size(); i++) {
            Reference r = Table.REFERENCES.get(i);
            if (r.repository.equals(ref.repository)) {
                String reference = Table.ALL.get(i).reference();
                candidates.add(reference);
                distance.put(reference, editDistance(asked, r.tag));
            }
        }
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(distance::get));
        return sorted.subList(0, Math.min(5, sorted.size()));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, ImagePreset> load() {
        InputStream in = ImagePresets.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE + " beside " + ImagePresets.class);
        }
        Map<String, ImagePreset> out = new LinkedHashMap<>(4096);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !Arrays.equals(header.split("\t", -1), HEADER)) {
                throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
            }
            int lineNumber = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ImagePreset preset = preset(line, lineNumber);
                if (out.putIfAbsent(preset.reference(), preset) != null) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": duplicate " + preset.reference());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** An image reference split as Docker reads it. */
    private static final class Reference {
        final String repository;
        final String tag;
        final String digest;
        final boolean tagGiven;
        final Architecture namespaceArch;

        private Reference(String repository, String tag, boolean tagGiven, String digest,
                Architecture namespaceArch) {
            this.repository = repository;
            this.tag = tag;
            this.tagGiven = tagGiven;
            this.digest = digest;
            this.namespaceArch = namespaceArch;
        }

        static Reference parse(String input) {
            String s = input.strip();
            String digest = null;
            int at = s.indexOf('@');
            if (at >= 0) {
                digest = s.substring(at + 1);
                s = s.substring(0, at);
                if (!isDigest(digest)) {
                    throw new IllegalArgumentException("invalid image reference '" + input + "': '" + digest
                            + "' is not a digest (expected sha256:<64 hex digits>)");
                }
            }
            int slash = s.lastIndexOf('/');
            int colon = s.lastIndexOf(':');
            String repository = colon > slash ? s.substring(0, colon) : s;
            String tag = colon > slash ? s.substring(colon + 1) : null;
            if (repository.isEmpty() || (tag != null && tag.isEmpty()) || repository.contains(" ")) {
                throw new IllegalArgumentException("invalid image reference '" + input
                        + "': expected [registry/]repository[:tag][@digest], e.g. python:3.12-slim");
            }
            boolean tagGiven = tag != null;
            if (tag == null) {
                if (digest != null) {
                    throw new IllegalArgumentException("image reference '" + input + "' has a digest but no tag:"
                            + " wheelscout cannot tell which Python a digest is; write the tag too, e.g. "
                            + repository + ":3.12-slim@" + digest);
                }
                tag = "latest";
            }
            repository = repository.toLowerCase(Locale.ROOT);
            for (String prefix : DOCKER_HUB_PREFIXES) {
                if (repository.startsWith(prefix)) {
                    repository = repository.substring(prefix.length());
                    break;
                }
            }
            Architecture namespaceArch = null;
            int firstSlash = repository.indexOf('/');
            if (firstSlash > 0 && ARCH_NAMESPACES.contains(repository.substring(0, firstSlash))) {
                namespaceArch = Architecture.parse(repository.substring(0, firstSlash));
                repository = repository.substring(firstSlash + 1);
            }
            if (repository.startsWith("library/")) {
                repository = repository.substring("library/".length());
            }
            return new Reference(repository, tag, tagGiven, digest, namespaceArch);
        }

        private static boolean isDigest(String digest) {
            int colon = digest.indexOf(':');
            if (colon <= 0 || colon == digest.length() - 1) {
                return false;
            }
            String algorithm = digest.substring(0, colon);
            String hex = digest.substring(colon + 1);
            boolean algorithmOk = algorithm.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
            boolean hexOk = hex.length() >= 32 && hex.chars().allMatch(c -> (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'f'));
            return algorithmOk && hexOk && (!algorithm.equals("sha256") || hex.length() == 64);
        }
    }
}
