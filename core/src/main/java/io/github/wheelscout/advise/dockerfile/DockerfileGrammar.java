package io.github.wheelscout.advise.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict grammar check of Dockerfile instructions, for the Dockerfiles wheelscout writes (there is no Docker
 * engine to build them in tests). Stricter than Docker where Docker is lenient: instructions in upper case, no
 * deprecated {@code MAINTAINER}, {@code FROM} images that are valid references, flags Docker knows, stage names
 * defined before use.
 */
public final class DockerfileGrammar {

    /** One rule a Dockerfile breaks, and where. */
    public record Violation(int line, String message) {

        /** Checks the fields. */
        public Violation {
            Objects.requireNonNull(message, "message");
        }

        /** {@code line N: message}. */
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private static final Set<String> INSTRUCTIONS = Set.of("FROM", "ARG", "RUN", "COPY", "ADD", "WORKDIR", "USER",
            "ENV", "CMD", "ENTRYPOINT", "EXPOSE", "LABEL", "VOLUME", "SHELL", "HEALTHCHECK", "STOPSIGNAL", "ONBUILD");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9_.-]*");
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern IMAGE = Pattern.compile("(?:" + DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*"
            + "(?::[0-9]+)?/)?" + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*"
            + ":[0-9a-fA-F]{32,})?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.$-][A-Za-z0-9_.${}-]*(?::[A-Za-z0-9_.${}-]+)?");
    private static final Pattern PORT = Pattern.compile("(?:\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?|[0-9]+(?:-[0-9]+)?)"
            + "(?:/(?:tcp|udp|sctp))?");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "FROM", Set.of("platform"),
            "RUN", Set.of("mount", "network", "security"),
            "COPY", Set.of("from", "chown", "chmod", "link", "parents", "exclude"),
            "ADD", Set.of("chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack"));
    private static final Map<String, Set<String>> MOUNT_KEYS = Map.of(
            "bind", Set.of("type", "target", "dst", "destination", "source", "src", "from", "rw", "readwrite",
                    "readonly", "ro"),
            "cache", Set.of("type", "target", "dst", "destination", "id", "sharing", "from", "source", "src", "mode",
                    "uid", "gid", "readonly", "ro"),
            "tmpfs", Set.of("type", "target", "dst", "destination", "size"),
            "secret", Set.of("type", "id", "target", "dst", "destination", "env", "required", "mode", "uid", "gid"),
            "ssh", Set.of("type", "id", "target", "dst", "destination", "required", "mode", "uid", "gid"));

    private DockerfileGrammar() {
    }

    /** The rules {@code text} breaks, in line order; empty when it is valid. */
    public static List<Violation> check(String text) {
        DockerfileLexer.Result lexed = DockerfileLexer.lex(text);
        List<Violation> out = new ArrayList<>();
        for (DockerfileLexer.Problem p : lexed.problems()) {
            out.add(new Violation(p.line(), p.message()));
        }
        lexed.directives().forEach((name, value) -> {
            if (value.isEmpty()) {
                out.add(new Violation(1, "parser directive '" + name + "' without a value"));
            }
        });
        Set<String> stages = new HashSet<>();
        Set<String> globalArgs = new HashSet<>();
        int stageCount = 0;
        boolean seenFrom = false;
        for (Instruction ins : lexed.instructions()) {
            String keyword = ins.keyword();
            String name = ins.name();
            int line = ins.line();
            if (!INSTRUCTIONS.contains(name)) {
                out.add(new Violation(line, name.equals("MAINTAINER") ? "MAINTAINER is deprecated: use LABEL"
                        : "unknown instruction '" + keyword + "'"));
                continue;
            }
            if (!keyword.equals(name)) {
                out.add(new Violation(line, "instruction '" + keyword + "' is not in upper case"));
            }
            if (!seenFrom && !name.equals("FROM") && !name.equals("ARG")) {
                out.add(new Violation(line, name + " before the first FROM"));
            }
            checkFlags(ins, out);
            String args = ins.arguments();
            switch (name) {
                case "FROM" -> {
                    seenFrom = true;
                    String[] words = args.split("\\s+");
                    String stage = null;
                    if (words.length == 3 && words[1].equalsIgnoreCase("AS")) {
                        stage = words[2];
                    } else if (words.length != 1 || words[0].isEmpty()) {
                        out.add(new Violation(line, "FROM takes an image and an optional 'AS name': '" + args + "'"));
                        continue;
                    }
                    String image = words[0];
                    boolean variable = image.contains("$");
                    if (!variable && !stages.contains(image.toLowerCase(Locale.ROOT)) && !image.equals("scratch")
                            && !IMAGE.matcher(image).matches()) {
                        out.add(new Violation(line, "not a valid image reference: '" + image + "'"));
                    }
                    if (variable) {
                        for (String v : variablesIn(image)) {
                            if (!globalArgs.contains(v) && !v.startsWith("TARGET") && !v.startsWith("BUILD")) {
                                out.add(new Violation(line, "FROM uses $" + v + ", which is not an ARG declared"
                                        + " before the first FROM"));
                            }
                        }
                    }
                    if (stage != null) {
                        if (!STAGE_NAME.matcher(stage).matches()) {
                            out.add(new Violation(line, "not a valid stage name: '" + stage + "'"));
                        } else if (!stages.add(stage)) {
                            out.add(new Violation(line, "stage name '" + stage + "' is used twice"));
                        }
                    }
                    stageCount++;
                }
                case "ARG" -> {
                    List<String> words = words(args);
                    if (words.isEmpty()) {
                        out.add(new Violation(line, "ARG without a name"));
                    }
                    for (String w : words) {
                        String n = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                        if (!NAME.matcher(n).matches()) {
                            out.add(new Violation(line, "not a valid ARG name: '" + n + "'"));
                        } else if (!seenFrom) {
                            globalArgs.add(n);
                        }
                    }
                }
                case "ENV" -> {
                    List<String> words = words(args);
                    if (words.isEmpty()) {
                        out.add(new Violation(line, "ENV without a variable"));
                    } else if (!words.get(0).contains("=")) {
                        out.add(new Violation(line, "ENV NAME value (without '=') is deprecated: write NAME=value"));
                    } else {
                        for (String w : words) {
                            int eq = w.indexOf('=');
                            if (eq <= 0 || !NAME.matcher(w.substring(0, eq)).matches()) {
                                out.add(new Violation(line, "ENV expects NAME=value pairs, not '" + w + "'"));
                            }
                        }
                    }
                }
                case "RUN" -> {
                    if (args.isBlank() && ins.heredocs().isEmpty()) {
                        out.add(new Violation(line, "RUN without a command"));
                    }
                    checkExecForm(ins, out);
                    for (String mount : ins.flags("mount")) {
                        checkMount(line, mount, stages, out);
                    }
                    String network = ins.flag("network");
                    if (network != null && !Set.of("default", "none", "host").contains(network)) {
                        out.add(new Violation(line, "RUN --network must be default, none or host"));
                    }
                }
                case "COPY", "ADD" -> {
                    List<String> words = JsonArray.parse(args).orElseGet(() -> words(args));
                    if (args.strip().startsWith("[") && JsonArray.parse(args).isEmpty()) {
                        out.add(new Violation(line, name + " starts a JSON array that is not valid"));
                    } else if (words.size() < 2) {
                        out.add(new Violation(line, name + " needs at least one source and a destination"));
                    }
                    String from = ins.flag("from");
                    if (from != null && !stages.contains(from.toLowerCase(Locale.ROOT))
                            && !(from.matches("[0-9]{1,6}") && Integer.parseInt(from) < stageCount - 1)
                            && !IMAGE.matcher(from).matches()) {
                        out.add(new Violation(line, "COPY --from=" + from + " is neither an earlier stage nor an"
                                + " image"));
                    }
                }
                case "WORKDIR", "STOPSIGNAL" -> {
                    if (words(args).size() != 1) {
                        out.add(new Violation(line, name + " takes exactly one argument"));
                    }
                }
                case "USER" -> {
                    if (!USER.matcher(args.strip()).matches()) {
                        out.add(new Violation(line, "USER takes user[:group], not '" + args + "'"));
                    }
                }
                case "CMD", "ENTRYPOINT" -> {
                    if (args.isBlank()) {
                        out.add(new Violation(line, name + " without a command"));
                    }
                    checkExecForm(ins, out);
                }
                case "SHELL" -> {
                    if (JsonArray.parse(args).map(List::isEmpty).orElse(true)) {
                        out.add(new Violation(line, "SHELL takes a non-empty JSON array"));
                    }
                }
                case "EXPOSE" -> {
                    List<String> words = words(args);
                    if (words.isEmpty()) {
                        out.add(new Violation(line, "EXPOSE without a port"));
                    }
                    for (String w : words) {
                        if (!PORT.matcher(w).matches()) {
                            out.add(new Violation(line, "not a port: '" + w + "'"));
                        }
                    }
                }
                case "LABEL" -> {
                    List<String> words = words(args);
                    if (words.isEmpty() || words.stream().anyMatch(w -> w.indexOf('=') <= 0)) {
                        out.add(new Violation(line, "LABEL expects key=value pairs"));
                    }
                }
                case "VOLUME" -> {
                    if (args.isBlank()) {
                        out.add(new Violation(line, "VOLUME without a path"));
                    }
                }
                case "ONBUILD" -> {
                    String inner = args.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
                    if (!INSTRUCTIONS.contains(inner) || Set.of("ONBUILD", "FROM").contains(inner)) {
                        out.add(new Violation(line, "ONBUILD must be followed by an instruction other than"
                                + " ONBUILD and FROM"));
                    }
                }
                case "HEALTHCHECK" -> {
                    String rest = args.strip();
                    while (rest.startsWith("--")) {
                        int sp = rest.indexOf(' ');
                        rest = sp < 0 ? "" : rest.substring(sp).strip();
                    }
                    if (!rest.equals("NONE") && !rest.startsWith("CMD ")) {
                        out.add(new Violation(line, "HEALTHCHECK takes NONE or [options] CMD command"));
                    }
                }
                default -> {
                }
            }
        }
        if (!seenFrom) {
            out.add(new Violation(1, "no FROM instruction"));
        }
        out.sort(java.util.Comparator.comparingInt(Violation::line));
        return out;
    }

    private static void checkFlags(Instruction ins, List<Violation> out) {
        Set<String> allowed = FLAGS.getOrDefault(ins.name(), Set.of());
        for (String flag : ins.flags()) {
            String body = flag.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            boolean valueless = Set.of("link", "parents", "keep-git-dir", "unpack").contains(name);
            if (!allowed.contains(name)) {
                out.add(new Violation(ins.line(), ins.name() + " does not take the flag --" + name));
            } else if (eq < 0 && !valueless || eq >= 0 && body.substring(eq + 1).isEmpty()) {
                out.add(new Violation(ins.line(), "flag --" + name + " needs a value"));
            }
        }
    }

    private static void checkExecForm(Instruction ins, List<Violation> out) {
        String args = ins.arguments().strip();
        if (args.startsWith("[") && JsonArray.parse(args).isEmpty()) {
            out.add(new Violation(ins.line(), ins.name() + " starts a JSON array that is not valid (it would run as a"
                    + " shell command)"));
        }
    }

    private static void checkMount(int line, String spec, Set<String> stages, List<Violation> out) {
        String type = "bind";
        List<String> keys = new ArrayList<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            keys.add(key);
            if (key.equals("type")) {
                type = part.substring(eq + 1);
            }
            if (key.equals("from") && eq > 0 && !stages.contains(part.substring(eq + 1).toLowerCase(Locale.ROOT))
                    && !IMAGE.matcher(part.substring(eq + 1)).matches()) {
                out.add(new Violation(line, "--mount from=" + part.substring(eq + 1) + " is neither an earlier stage"
                        + " nor an image"));
            }
        }
        Set<String> allowed = MOUNT_KEYS.get(type);
        if (allowed == null) {
            out.add(new Violation(line, "unknown --mount type '" + type + "'"));
            return;
        }
        for (String key : keys) {
            if (!allowed.contains(key)) {
                out.add(new Violation(line, "--mount type=" + type + " does not take '" + key + "'"));
            }
        }
        boolean hasTarget = keys.contains("target") || keys.contains("dst") || keys.contains("destination");
        if (!hasTarget && !type.equals("secret") && !type.equals("ssh")) {
            out.add(new Violation(line, "--mount type=" + type + " needs a target"));
        }
    }

    private static List<String> words(String args) {
        List<String> out = new ArrayList<>();
        for (Variables.Word w : Variables.words(args, n -> java.util.Optional.of(""), '\\')) {
            out.add(w.value());
        }
        return out;
    }

    private static List<String> variablesIn(String s) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
