package io.github.wheelscout.advise.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an existing Dockerfile for what wheelscout analyses: the stages, the image each starts from (global
 * {@code ARG} defaults and build arguments substituted into {@code FROM}), and the pip installs of each stage,
 * with their requirements files traced back through {@code COPY}, {@code ADD}, {@code WORKDIR}, {@code cd} and
 * bind mounts to build-context paths. Everything it cannot follow is reported with its line
 * ({@link DockerfileReport#unfollowed()}); nothing is guessed. Pure: it reads text, not the build context.
 */
public final class DockerfileReader {

    /** The platform arguments BuildKit defines itself; usable in {@code FROM} without declaration. */
    private static final Set<String> PLATFORM_ARGS = Set.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH",
            "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");
    private static final Set<String> SHELL_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until",
            "!", "{", "}", "time", "exec", "sudo", "command", "nohup", "builtin");
    private static final Set<String> PIP_CONFIG_FILES = Set.of("pip.conf", "pip.ini", "uv.toml");

    private final Map<String, String> buildArgs;

    private DockerfileReader(Map<String, String> buildArgs) {
        this.buildArgs = Map.copyOf(buildArgs);
    }

    /** Reads {@code text} with no build arguments: ARG defaults are used. */
    public static DockerfileReport read(String text) {
        return read(text, Map.of());
    }

    /**
     * Reads {@code text} as {@code docker build} would with {@code --build-arg NAME=VALUE} for each entry of
     * {@code buildArgs} (which may also set the platform arguments such as {@code TARGETARCH}).
     */
    public static DockerfileReport read(String text, Map<String, String> buildArgs) {
        Objects.requireNonNull(text, "text");
        return new DockerfileReader(buildArgs).run(text);
    }

    /** A COPY, ADD or bind mount: where files of the stage came from. */
    private record CopyRecord(int line, String what, List<String> sources, String dest, boolean destIsDir,
            Integer fromStage, String fromImage, Map<String, String> heredocs, boolean url) {
    }

    /** The state of a stage while reading it. */
    private static final class StageState {
        final int index;
        final String name;
        final int line;
        final String from;
        Optional<String> image = Optional.empty();
        Optional<Integer> parent = Optional.empty();
        Optional<String> rootImage = Optional.empty();
        Optional<String> platform = Optional.empty();
        String workdir = "/";
        boolean workdirKnown = true;
        final Map<String, String> env = new LinkedHashMap<>();
        final Map<String, Optional<String>> args = new HashMap<>();
        final List<CopyRecord> copies = new ArrayList<>();
        final Map<String, PipCommand> wheelDirs = new HashMap<>();
        final List<PipCommand> pips = new ArrayList<>();
        boolean posixShell = true;

        StageState(int index, String name, int line, String from) {
            this.index = index;
            this.name = name;
            this.line = line;
            this.from = from;
        }

        void inherit(StageState parent) {
            workdir = parent.workdir;
            workdirKnown = parent.workdirKnown;
            env.putAll(parent.env);
            copies.addAll(parent.copies);
            wheelDirs.putAll(parent.wheelDirs);
            posixShell = parent.posixShell;
        }

        Optional<String> lookup(String name) {
            String e = env.get(name);
            if (e != null) {
                return Optional.of(e);
            }
            Optional<String> a = args.get(name);
            return a == null ? Optional.empty() : a;
        }

        Stage toStage() {
            return new Stage(index, Optional.ofNullable(name), line, from, image, parent, rootImage, platform, pips);
        }
    }

    /**
     * The most instructions read. Real Dockerfiles have a few dozen; tracing a file back through every COPY of
     * every earlier stage costs the square of their number, so a generated or hostile file is read up to here
     * and the rest is reported as not followed.
     */
    static final int MAX_INSTRUCTIONS = 2000;
    /** The longest working directory followed (Linux's PATH_MAX); a longer one is reported as not known. */
    static final int MAX_PATH = 4096;

    private final List<Unfollowed> unfollowed = new ArrayList<>();
    private final Map<String, Optional<String>> globalArgs = new LinkedHashMap<>();
    private final Map<String, Integer> globalArgLines = new HashMap<>();
    private final List<StageState> stages = new ArrayList<>();
    private char escape = '\\';

    private DockerfileReport run(String text) {
        DockerfileLexer.Result lexed = DockerfileLexer.lex(text);
        for (DockerfileLexer.Problem p : lexed.problems()) {
            unfollowed.add(new Unfollowed(p.line(), "", p.message()));
        }
        if ("`".equals(lexed.directives().get("escape"))) {
            escape = '`';
        }
        StageState current = null;
        int read = 0;
        for (Instruction ins : lexed.instructions()) {
            if (++read > MAX_INSTRUCTIONS) {
                report(ins, "the Dockerfile has more than " + MAX_INSTRUCTIONS
                        + " instructions: this one and the rest are not read");
                break;
            }
            String name = ins.name();
            if (name.equals("FROM")) {
                current = from(ins);
                stages.add(current);
                continue;
            }
            if (current == null) {
                if (name.equals("ARG")) {
                    globalArg(ins);
                } else {
                    report(ins, name + " before the first FROM (only ARG may come before it)");
                }
                continue;
            }
            switch (name) {
                case "ARG" -> stageArg(current, ins);
                case "ENV" -> env(current, ins);
                case "WORKDIR" -> workdir(current, ins);
                case "COPY", "ADD" -> copy(current, ins);
                case "RUN" -> run(current, ins);
                case "SHELL" -> shell(current, ins);
                default -> {
                    // other instructions do not change what pip installs
                }
            }
        }
        List<Stage> out = new ArrayList<>();
        for (StageState s : stages) {
            out.add(s.toStage());
        }
        unfollowed.sort(java.util.Comparator.comparingInt(Unfollowed::line));
        return new DockerfileReport(out, globalArgs, lexed.directives(), unfollowed);
    }

    private void report(Instruction ins, String reason) {
        unfollowed.add(new Unfollowed(ins.line(), ins.excerpt(), reason));
    }

    /**
     * Whether {@code w} was expanded in full; if not (a form such as {@code ${NAME#pattern}}), reports it, and
     * the caller leaves the variable unknown rather than give it a value that would be a guess.
     */
    private boolean followed(Instruction ins, Variables.Word w) {
        if (w.unsupported().isEmpty()) {
            return true;
        }
        report(ins, "uses " + String.join(", ", w.unsupported()) + ", which is not followed: its value is not known");
        return false;
    }

    // ---- ARG, ENV, WORKDIR, SHELL ----

    private void globalArg(Instruction ins) {
        for (Variables.Word w : Variables.words(ins.arguments(), this::globalLookup, escape)) {
            String decl = w.value();
            int eq = decl.indexOf('=');
            String name = eq < 0 ? decl : decl.substring(0, eq);
            Optional<String> value = buildArgs.containsKey(name) ? Optional.of(buildArgs.get(name))
                    : eq < 0 || !followed(ins, w) ? Optional.empty() : Optional.of(decl.substring(eq + 1));
            globalArgs.put(name, value);
            globalArgLines.put(name, ins.line());
        }
    }

    private void stageArg(StageState s, Instruction ins) {
        for (Variables.Word w : Variables.words(ins.arguments(), s::lookup, escape)) {
            String decl = w.value();
            int eq = decl.indexOf('=');
            String name = eq < 0 ? decl : decl.substring(0, eq);
            Optional<String> value;
            if (buildArgs.containsKey(name)) {
                value = Optional.of(buildArgs.get(name));
            } else if (eq >= 0) {
                value = followed(ins, w) ? Optional.of(decl.substring(eq + 1)) : Optional.empty();
            } else {
                // "ARG NAME" in a stage takes the global default of the same name
                value = globalArgs.getOrDefault(name, Optional.empty());
            }
            s.args.put(name, value);
        }
    }

    private void env(StageState s, Instruction ins) {
        List<Variables.Word> words = Variables.words(ins.arguments(), s::lookup, escape);
        if (words.isEmpty()) {
            return;
        }
        if (!words.get(0).value().contains("=")) {
            // legacy form: ENV NAME value with spaces
            String rest = ins.arguments().strip();
            int space = rest.indexOf(' ');
            if (space > 0) {
                s.env.put(rest.substring(0, space), Variables.word(rest.substring(space + 1).strip(), s::lookup,
                        escape).value());
            }
            return;
        }
        for (Variables.Word w : words) {
            int eq = w.value().indexOf('=');
            if (eq > 0 && followed(ins, w)) {
                s.env.put(w.value().substring(0, eq), w.value().substring(eq + 1));
            }
        }
    }

    private void workdir(StageState s, Instruction ins) {
        Variables.Word w = Variables.word(ins.arguments().strip(), s::lookup, escape);
        if (!w.complete()) {
            s.workdirKnown = false;
            report(ins, "WORKDIR uses " + describeUnset(w, s) + ": later relative paths are not followed");
            return;
        }
        s.workdir = Paths.join(s.workdir, w.value());
        s.workdirKnown = s.workdirKnown || w.value().startsWith("/");
    }

    private void shell(StageState s, Instruction ins) {
        Optional<List<String>> exec = JsonArray.parse(ins.arguments());
        if (exec.isEmpty() || exec.get().isEmpty()) {
            report(ins, "SHELL must be a JSON array");
            return;
        }
        String program = Paths.basename(exec.get().get(0));
        s.posixShell = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh").contains(program);
    }

    // ---- FROM ----

    private StageState from(Instruction ins) {
        List<Variables.Word> words = Variables.words(ins.arguments(), this::globalLookup, escape);
        String imageText = words.isEmpty() ? "" : words.get(0).value();
        String name = null;
        if (words.size() == 3 && words.get(1).value().equalsIgnoreCase("AS")) {
            name = words.get(2).value().toLowerCase(Locale.ROOT);
        } else if (words.size() != 1) {
            report(ins, "FROM takes an image and an optional 'AS name'");
        }
        String from = ins.arguments().strip();
        int as = indexOfAs(from);
        StageState s = new StageState(stages.size(), name, ins.line(), as < 0 ? from : from.substring(0, as).strip());
        String platformFlag = ins.flag("platform");
        if (platformFlag != null) {
            Variables.Word p = Variables.word(platformFlag, this::globalLookup, escape);
            if (p.complete()) {
                s.platform = Optional.of(p.value());
            } else {
                report(ins, "the --platform of this stage uses " + describeUnsetGlobal(p));
            }
        }
        for (String f : ins.flags()) {
            if (!f.startsWith("--platform=")) {
                report(ins, "unknown FROM flag " + f);
            }
        }
        if (words.isEmpty()) {
            report(ins, "FROM without an image");
            return s;
        }
        Variables.Word image = words.get(0);
        if (!image.complete()) {
            report(ins, "the image of this stage uses " + describeUnsetGlobal(image));
            return s;
        }
        String lower = imageText.toLowerCase(Locale.ROOT);
        for (StageState earlier : stages) {
            if (lower.equals(earlier.name)) {
                s.parent = Optional.of(earlier.index);
                s.rootImage = earlier.rootImage;
                s.inherit(earlier);
                return s;
            }
        }
        if (lower.equals("scratch")) {
            return s;
        }
        s.image = Optional.of(imageText);
        s.rootImage = s.image;
        return s;
    }

    private static int indexOfAs(String from) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s+[Aa][Ss]\\s+\\S+\\s*$").matcher(from);
        return m.find() ? m.start() : -1;
    }

    private Optional<String> globalLookup(String name) {
        Optional<String> v = globalArgs.get(name);
        if (v != null) {
            return v;
        }
        if (PLATFORM_ARGS.contains(name) && buildArgs.containsKey(name)) {
            return Optional.of(buildArgs.get(name));
        }
        return Optional.empty();
    }

    private String describeUnsetGlobal(Variables.Word w) {
        List<String> parts = new ArrayList<>();
        for (String name : w.unset()) {
            if (globalArgs.containsKey(name)) {
                parts.add("ARG " + name + " (line " + globalArgLines.get(name) + "), which has no default: pass"
                        + " --build-arg " + name + "=...");
            } else if (PLATFORM_ARGS.contains(name)) {
                parts.add(name + ", which the builder sets from the target platform: pass it as a build argument");
            } else {
                parts.add(name + ", which is not an ARG declared before the first FROM");
            }
        }
        for (String form : w.unsupported()) {
            parts.add("the expansion " + form + ", which is not followed");
        }
        return String.join("; ", parts);
    }

    private String describeUnset(Variables.Word w, StageState s) {
        List<String> parts = new ArrayList<>();
        for (String name : w.unset()) {
            parts.add(s.args.containsKey(name) ? "ARG " + name + ", which has no value" : name
                    + ", which is not set");
        }
        for (String form : w.unsupported()) {
            parts.add("the expansion " + form + ", which is not followed");
        }
        return String.join("; ", parts);
    }

    // ---- COPY, ADD ----

    private void copy(StageState s, Instruction ins) {
        String kind = ins.name();
        List<String> words;
        Optional<List<String>> exec = JsonArray.parse(ins.arguments());
        if (exec.isPresent()) {
            words = new ArrayList<>();
            for (String w : exec.get()) {
                Variables.Word v = Variables.word(w, s::lookup, escape);
                words.add(v.value());
            }
        } else {
            words = new ArrayList<>();
            for (Variables.Word w : Variables.words(ins.arguments(), s::lookup, escape)) {
                if (!w.complete()) {
                    report(ins, kind + " uses " + describeUnset(w, s) + ": the files it copies are not followed");
                    return;
                }
                words.add(w.value());
            }
        }
        if (words.size() < 2) {
            report(ins, kind + " needs a source and a destination");
            return;
        }
        Integer fromStage = null;
        String fromImage = null;
        String fromFlag = ins.flag("from");
        if (fromFlag != null) {
            Variables.Word f = Variables.word(fromFlag, s::lookup, escape);
            String ref = f.value().toLowerCase(Locale.ROOT);
            for (StageState earlier : stages) {
                if (earlier != s && (ref.equals(earlier.name) || ref.equals(Integer.toString(earlier.index)))) {
                    fromStage = earlier.index;
                }
            }
            if (fromStage == null) {
                fromImage = f.value();
            }
        }
        Map<String, String> heredocs = new HashMap<>();
        int heredocIndex = 0;
        List<String> sources = new ArrayList<>();
        boolean url = false;
        for (String src : words.subList(0, words.size() - 1)) {
            if (src.startsWith("<<")) {
                if (heredocIndex < ins.heredocs().size()) {
                    heredocs.put(src, ins.heredocs().get(heredocIndex++).content());
                }
            } else if (src.contains("://") || src.startsWith("git@")) {
                url = true;
            }
            sources.add(src);
        }
        String destText = words.get(words.size() - 1);
        String dest = Paths.join(s.workdir, destText);
        boolean destIsDir = destText.endsWith("/") || destText.equals(".") || destText.endsWith("/.")
                || sources.size() > 1 || sources.stream().anyMatch(Paths::hasGlob);
        CopyRecord record = new CopyRecord(ins.line(), kind + " at line " + ins.line(), sources, dest, destIsDir,
                fromStage, fromImage, heredocs, url);
        s.copies.add(record);
        for (String src : sources) {
            String base = destIsDir ? Paths.basename(src) : Paths.basename(dest);
            if (PIP_CONFIG_FILES.contains(base)) {
                report(ins, "a pip or uv configuration file is copied in (" + base + "): its settings are not read");
            }
        }
    }

    // ---- RUN ----

    private void run(StageState s, Instruction ins) {
        List<CopyRecord> mounts = new ArrayList<>();
        for (String mount : ins.flags("mount")) {
            bindMount(s, ins, mount).ifPresent(mounts::add);
        }
        Optional<List<String>> exec = JsonArray.parse(ins.arguments());
        String script;
        if (exec.isPresent()) {
            List<String> argv = exec.get();
            if (argv.size() >= 3 && Set.of("sh", "bash", "ash", "dash").contains(Paths.basename(argv.get(0)))
                    && argv.get(1).equals("-c")) {
                script = argv.get(2);
            } else {
                List<Shell.Word> words = new ArrayList<>();
                for (String a : argv) {
                    words.add(new Shell.Word(a, a, List.of(), false, false));
                }
                command(s, ins, words, new HashMap<>(), s.workdirKnown ? s.workdir : null, mounts);
                return;
            }
        } else {
            script = ins.arguments();
            if (!ins.heredocs().isEmpty()) {
                String head = script.replaceAll("<<-?[\"']?[A-Za-z0-9_.-]+[\"']?", "").strip();
                boolean shellReadsIt = head.isEmpty()
                        || head.matches("(/bin/|/usr/bin/)?(sh|bash|ash|dash)( -[a-z]+)*( -s)?");
                if (shellReadsIt) {
                    StringBuilder all = new StringBuilder();
                    for (Heredoc h : ins.heredocs()) {
                        all.append(h.content()).append('\n');
                    }
                    script = all.toString();
                } else {
                    for (Heredoc h : ins.heredocs()) {
                        if (h.content().contains("pip")) {
                            report(ins, "a here-document fed to '" + head + "' mentions pip: not followed");
                        }
                    }
                }
            }
        }
        if (!s.posixShell) {
            if (script.contains("pip")) {
                report(ins, "RUN uses a SHELL that is not a POSIX shell: its pip commands are not followed");
            }
            return;
        }
        Map<String, String> shellVars = new HashMap<>();
        String cwd = s.workdirKnown ? s.workdir : null;
        for (String raw : Shell.commands(script)) {
            Function<String, Optional<String>> lookup = name -> shellVars.containsKey(name)
                    ? Optional.of(shellVars.get(name)) : s.lookup(name);
            List<Shell.Word> words = new ArrayList<>(Shell.words(raw, lookup));
            while (!words.isEmpty() && SHELL_KEYWORDS.contains(words.get(0).text())) {
                words.remove(0);
            }
            Map<String, String> assignments = new LinkedHashMap<>();
            while (!words.isEmpty() && isAssignment(words.get(0))) {
                String t = words.remove(0).text();
                assignments.put(t.substring(0, t.indexOf('=')), t.substring(t.indexOf('=') + 1));
            }
            if (words.isEmpty()) {
                shellVars.putAll(assignments);
                continue;
            }
            String program = words.get(0).text();
            if (program.equals("export")) {
                for (Shell.Word w : words.subList(1, words.size())) {
                    if (isAssignment(w)) {
                        shellVars.put(w.text().substring(0, w.text().indexOf('=')),
                                w.text().substring(w.text().indexOf('=') + 1));
                    }
                }
                continue;
            }
            if (program.equals("cd")) {
                if (words.size() < 2 || !words.get(1).literal() || cwd == null) {
                    cwd = words.size() >= 2 && words.get(1).literal() && words.get(1).text().startsWith("/")
                            ? Paths.join("/", words.get(1).text()) : null;
                } else {
                    cwd = Paths.join(cwd, words.get(1).text());
                }
                if (cwd != null && cwd.length() > MAX_PATH) {
                    cwd = null; // no real directory has such a path: later relative paths are not followed
                }
                continue;
            }
            if (program.equals("env")) {
                words.remove(0);
                while (!words.isEmpty() && (isAssignment(words.get(0)) || words.get(0).text().startsWith("-"))) {
                    Shell.Word w = words.remove(0);
                    if (isAssignment(w)) {
                        assignments.put(w.text().substring(0, w.text().indexOf('=')),
                                w.text().substring(w.text().indexOf('=') + 1));
                    }
                }
                if (words.isEmpty()) {
                    continue;
                }
            }
            Map<String, String> commandEnv = new HashMap<>(shellVars);
            commandEnv.putAll(assignments);
            command(s, ins, words, commandEnv, cwd, mounts);
        }
    }

    private static boolean isAssignment(Shell.Word w) {
        String t = w.text();
        int eq = t.indexOf('=');
        if (eq <= 0 || !w.raw().substring(0, Math.min(w.raw().length(), eq + 1)).equals(t.substring(0, eq + 1))) {
            return false;
        }
        for (int k = 0; k < eq; k++) {
            if (!Variables.isNameChar(t.charAt(k), k == 0)) {
                return false;
            }
        }
        return true;
    }

    private Optional<CopyRecord> bindMount(StageState s, Instruction ins, String spec) {
        Map<String, String> kv = new HashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            kv.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "true" : part.substring(eq + 1));
        }
        String type = kv.getOrDefault("type", "bind");
        if (!type.equals("bind")) {
            return Optional.empty();
        }
        String target = first(kv, "target", "dst", "destination");
        if (target == null) {
            report(ins, "a bind mount without a target");
            return Optional.empty();
        }
        String source = first(kv, "source", "src");
        source = source == null ? "." : source;
        Variables.Word src = Variables.word(source, s::lookup, escape);
        Variables.Word tgt = Variables.word(target, s::lookup, escape);
        Integer fromStage = null;
        String fromImage = null;
        String from = kv.get("from");
        if (from != null) {
            String ref = Variables.word(from, s::lookup, escape).value().toLowerCase(Locale.ROOT);
            for (StageState earlier : stages) {
                if (earlier != s && (ref.equals(earlier.name) || ref.equals(Integer.toString(earlier.index)))) {
                    fromStage = earlier.index;
                }
            }
            if (fromStage == null) {
                fromImage = from;
            }
        }
        return Optional.of(new CopyRecord(ins.line(), "bind mount at line " + ins.line(), List.of(src.value()),
                Paths.join(s.workdir, tgt.value()), false, fromStage, fromImage, Map.of(), false));
    }

    private static String first(Map<String, String> kv, String... keys) {
        for (String k : keys) {
            if (kv.containsKey(k)) {
                return kv.get(k);
            }
        }
        return null;
    }

    // ---- pip commands ----

    /** The installer a command runs, and where its own arguments start. */
    private record Invocation(PipCommand.Tool tool, int argsFrom) {
    }

    private void command(StageState s, Instruction ins, List<Shell.Word> words, Map<String, String> commandEnv,
            String cwd, List<CopyRecord> mounts) {
        String program = Paths.basename(words.get(0).text());
        Optional<Invocation> inv = invocation(words);
        if (inv.isEmpty()) {
            otherInstaller(ins, program, words);
            return;
        }
        int i = inv.get().argsFrom();
        PipCommand.Tool tool = inv.get().tool();
        // skip global options before the subcommand (pip --no-cache-dir install ...)
        while (i < words.size() && words.get(i).text().startsWith("-")) {
            i += takesValue(tool, words.get(i).text()) && !words.get(i).text().contains("=") ? 2 : 1;
        }
        if (i >= words.size()) {
            return;
        }
        String sub = words.get(i).text();
        PipCommand.Action action;
        if (tool == PipCommand.Tool.PIP_TOOLS) {
            action = PipCommand.Action.SYNC;
        } else {
            switch (sub) {
                case "install" -> action = PipCommand.Action.INSTALL;
                case "wheel" -> action = tool == PipCommand.Tool.PIP ? PipCommand.Action.WHEEL : null;
                case "sync" -> action = tool == PipCommand.Tool.UV ? PipCommand.Action.SYNC : null;
                default -> action = null;
            }
            if (action == null) {
                return; // pip download, pip freeze, pip list ...: installs nothing
            }
            i++;
        }
        new PipParse(s, ins, tool, action, words, i, commandEnv, cwd, mounts).parse();
    }

    private Optional<Invocation> invocation(List<Shell.Word> words) {
        String program = Paths.basename(words.get(0).text());
        if (program.matches("pip[0-9.]*")) {
            return Optional.of(new Invocation(PipCommand.Tool.PIP, 1));
        }
        if (program.equals("pip-sync")) {
            return Optional.of(new Invocation(PipCommand.Tool.PIP_TOOLS, 1));
        }
        if (program.equals("uv")) {
            int i = 1;
            while (i < words.size() && words.get(i).text().startsWith("-")) {
                i++;
            }
            return i < words.size() && words.get(i).text().equals("pip")
                    ? Optional.of(new Invocation(PipCommand.Tool.UV, i + 1)) : Optional.empty();
        }
        if (program.matches("(python|pypy)[0-9.]*")) {
            int i = 1;
            while (i < words.size()) {
                String t = words.get(i).text();
                if (t.equals("-m") && i + 1 < words.size()) {
                    String module = words.get(i + 1).text();
                    if (module.equals("pip")) {
                        return Optional.of(new Invocation(PipCommand.Tool.PIP, i + 2));
                    }
                    if (module.equals("uv") && i + 2 < words.size() && words.get(i + 2).text().equals("pip")) {
                        return Optional.of(new Invocation(PipCommand.Tool.UV, i + 3));
                    }
                    return Optional.empty();
                }
                if (t.startsWith("-m") && t.length() > 2) {
                    return t.equals("-mpip") ? Optional.of(new Invocation(PipCommand.Tool.PIP, i + 1))
                            : Optional.empty();
                }
                if (!t.startsWith("-")) {
                    return Optional.empty(); // a script
                }
                i += t.equals("-X") || t.equals("-W") ? 2 : 1;
            }
        }
        return Optional.empty();
    }

    private void otherInstaller(Instruction ins, String program, List<Shell.Word> words) {
        String sub = words.size() > 1 ? words.get(1).text() : "";
        boolean installs = switch (program) {
            case "poetry" -> sub.equals("install") || sub.equals("sync");
            case "pipenv" -> sub.equals("install") || sub.equals("sync");
            case "pdm" -> sub.equals("install") || sub.equals("sync");
            case "uv" -> sub.equals("sync");
            case "conda", "mamba", "micromamba" -> sub.equals("install") || sub.equals("create")
                    || sub.equals("env");
            case "easy_install", "pipx" -> true;
            default -> false;
        };
        if (installs) {
            report(ins, "'" + program + (sub.isEmpty() ? "" : " " + sub) + "' installs Python packages another way:"
                    + " not followed");
        }
    }

    private static boolean takesValue(PipCommand.Tool tool, String option) {
        String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        if (name.startsWith("--")) {
            return tool == PipCommand.Tool.UV ? PipOptions.UV_LONG_VALUE.contains(name)
                    : PipOptions.PIP_LONG_VALUE.contains(name);
        }
        return name.length() == 2 && (tool == PipCommand.Tool.UV ? PipOptions.UV_SHORT_VALUE
                : PipOptions.PIP_SHORT_VALUE).containsKey(name.charAt(1));
    }

    /** The parse of one pip command's arguments. */
    private final class PipParse {
        private final StageState stage;
        private final Instruction ins;
        private final PipCommand.Tool tool;
        private final PipCommand.Action action;
        private final List<Shell.Word> words;
        private int at;
        private final Map<String, String> commandEnv;
        private final String cwd;
        private final List<CopyRecord> mounts;

        private final List<RequirementFile> requirementFiles = new ArrayList<>();
        private final List<RequirementFile> constraintFiles = new ArrayList<>();
        private final List<String> requirements = new ArrayList<>();
        private final List<String> localPaths = new ArrayList<>();
        private final List<String> noBinary = new ArrayList<>();
        private final List<String> onlyBinary = new ArrayList<>();
        private final List<String> extraIndexUrls = new ArrayList<>();
        private final List<String> findLinks = new ArrayList<>();
        private boolean preferBinary;
        private boolean pre;
        private boolean noIndex;
        private String indexUrl;
        private String wheelDir;
        private PipCommand wheelSource;

        PipParse(StageState stage, Instruction ins, PipCommand.Tool tool, PipCommand.Action action,
                List<Shell.Word> words, int at, Map<String, String> commandEnv, String cwd, List<CopyRecord> mounts) {
            this.stage = stage;
            this.ins = ins;
            this.tool = tool;
            this.action = action;
            this.words = words;
            this.at = at;
            this.commandEnv = commandEnv;
            this.cwd = cwd;
            this.mounts = mounts;
        }

        void parse() {
            boolean endOfOptions = false;
            while (at < words.size()) {
                Shell.Word w = words.get(at++);
                String t = w.text();
                if (!endOfOptions && t.equals("--")) {
                    endOfOptions = true;
                } else if (!endOfOptions && t.startsWith("--")) {
                    longOption(w);
                } else if (!endOfOptions && t.startsWith("-") && t.length() > 1) {
                    shortOptions(w);
                } else {
                    positional(w);
                }
            }
            Map<String, String> environment = new HashMap<>();
            stage.env.forEach((k, v) -> keepPipVariable(environment, k, v));
            stage.args.forEach((k, v) -> v.ifPresent(value -> {
                if (!environment.containsKey(k)) {
                    keepPipVariable(environment, k, value);
                }
            }));
            commandEnv.forEach((k, v) -> keepPipVariable(environment, k, v));
            StringBuilder text = new StringBuilder();
            for (Shell.Word w : words) {
                if (!w.text().isEmpty()) {
                    text.append(text.length() == 0 ? "" : " ").append(w.text());
                }
            }
            PipCommand cmd = new PipCommand(ins.line(), tool, action, text.toString(), requirementFiles,
                    constraintFiles, requirements, localPaths, noBinary, onlyBinary, preferBinary, pre, noIndex,
                    Optional.ofNullable(indexUrl), extraIndexUrls, findLinks, environment,
                    Optional.ofNullable(wheelSource));
            stage.pips.add(cmd);
            if (action == PipCommand.Action.WHEEL) {
                String dir = wheelDir != null ? wheelDir : ".";
                String abs = absolute(dir);
                if (abs != null) {
                    stage.wheelDirs.put(abs, cmd);
                }
            }
        }

        private void keepPipVariable(Map<String, String> out, String name, String value) {
            if (name.startsWith("PIP_") || name.startsWith("UV_")) {
                out.put(name, value);
            }
        }

        private void longOption(Shell.Word w) {
            String t = w.text();
            int eq = t.indexOf('=');
            String name = eq < 0 ? t : t.substring(0, eq);
            boolean value = tool == PipCommand.Tool.UV ? PipOptions.UV_LONG_VALUE.contains(name)
                    : PipOptions.PIP_LONG_VALUE.contains(name);
            boolean flag = tool == PipCommand.Tool.UV ? PipOptions.UV_LONG_FLAGS.contains(name)
                    : PipOptions.PIP_LONG_FLAGS.contains(name);
            if (value) {
                Shell.Word v;
                if (eq >= 0) {
                    v = new Shell.Word(t.substring(eq + 1), w.raw(), w.unset(), w.commandSubstitution(), w.glob());
                } else if (at < words.size()) {
                    v = words.get(at++);
                } else {
                    report(ins, name + " without a value");
                    return;
                }
                option(name, v);
            } else if (flag) {
                switch (name) {
                    case "--prefer-binary" -> preferBinary = true;
                    case "--pre" -> pre = true;
                    case "--no-index" -> noIndex = true;
                    default -> {
                        // flags that do not change which files are picked
                    }
                }
            } else {
                report(ins, "unknown " + (tool == PipCommand.Tool.UV ? "uv pip" : "pip") + " option " + name
                        + ": read as a flag");
            }
        }

        private void shortOptions(Shell.Word w) {
            String t = w.text();
            Map<Character, String> valued = tool == PipCommand.Tool.UV ? PipOptions.UV_SHORT_VALUE
                    : PipOptions.PIP_SHORT_VALUE;
            Set<Character> flags = tool == PipCommand.Tool.UV ? PipOptions.UV_SHORT_FLAGS : PipOptions.PIP_SHORT_FLAGS;
            for (int k = 1; k < t.length(); k++) {
                char c = t.charAt(k);
                if (valued.containsKey(c)) {
                    String rest = t.substring(k + 1);
                    Shell.Word v;
                    if (!rest.isEmpty()) {
                        v = new Shell.Word(rest.startsWith("=") ? rest.substring(1) : rest, w.raw(), w.unset(),
                                w.commandSubstitution(), w.glob());
                    } else if (at < words.size()) {
                        v = words.get(at++);
                    } else {
                        report(ins, "-" + c + " without a value");
                        return;
                    }
                    option(valued.get(c), v);
                    return;
                }
                if (!flags.contains(c)) {
                    report(ins, "unknown " + (tool == PipCommand.Tool.UV ? "uv pip" : "pip") + " option -" + c
                            + ": read as a flag");
                }
            }
        }

        private void option(String name, Shell.Word v) {
            switch (name) {
                case "--requirement", "--requirements" -> file(v).ifPresent(requirementFiles::add);
                case "--constraint", "--constraints" -> file(v).ifPresent(constraintFiles::add);
                case "--editable" -> {
                    localPaths.add(v.text());
                    report(ins, "editable install of " + v.text() + ": its dependencies are not followed");
                }
                case "--no-binary" -> split(v, noBinary);
                case "--only-binary" -> split(v, onlyBinary);
                case "--index-url", "--default-index" -> indexUrl = literal(v, name);
                case "--extra-index-url", "--index" -> {
                    String u = literal(v, name);
                    if (u != null) {
                        extraIndexUrls.add(u);
                    }
                }
                case "--find-links" -> {
                    String u = literal(v, name);
                    if (u != null) {
                        findLinks.add(u);
                    }
                }
                case "--wheel-dir" -> wheelDir = literal(v, name);
                default -> {
                    // an option whose value does not change which requirements are installed
                }
            }
        }

        private String literal(Shell.Word v, String option) {
            if (!v.literal()) {
                report(ins, option + " " + v.raw() + " is not a literal value: not followed");
                return null;
            }
            return v.text();
        }

        private void split(Shell.Word v, List<String> into) {
            String value = literal(v, "--no-binary/--only-binary");
            if (value == null) {
                return;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    into.add(part.strip());
                }
            }
        }

        private void positional(Shell.Word w) {
            if (action == PipCommand.Action.SYNC) {
                file(w).ifPresent(requirementFiles::add);
                return;
            }
            if (w.commandSubstitution() || !w.unset().isEmpty()) {
                report(ins, "pip installs " + w.raw() + ", which the shell computes (" + (w.commandSubstitution()
                        ? "command substitution" : "unset variable " + String.join(", ", w.unset()))
                        + "): not followed");
                return;
            }
            String t = w.text();
            if (w.glob() || isLocal(t)) {
                localPaths.add(t);
                Optional<PipCommand> built = wheelsBuiltFor(t);
                if (built.isPresent()) {
                    wheelSource = built.get();
                } else {
                    report(ins, "pip installs the local path " + t + ": what it contains is not followed");
                }
                return;
            }
            requirements.add(t);
        }

        private boolean isLocal(String t) {
            return t.startsWith(".") || t.startsWith("/") || t.startsWith("~") || t.contains("://") && !t.contains("@")
                    || t.endsWith(".whl") || t.endsWith(".tar.gz") || t.endsWith(".zip") || t.endsWith(".tar.bz2");
        }

        /** The pip wheel command that built the wheels at {@code path}, if they come from one. */
        private Optional<PipCommand> wheelsBuiltFor(String path) {
            String abs = absolute(path);
            if (abs == null) {
                return Optional.empty();
            }
            String dir = Paths.hasGlob(Paths.basename(abs)) || abs.endsWith(".whl") ? Paths.parent(abs) : abs;
            PipCommand here = stage.wheelDirs.get(dir);
            if (here != null) {
                return Optional.of(here);
            }
            List<CopyRecord> records = new ArrayList<>(mounts);
            for (int k = stage.copies.size() - 1; k >= 0; k--) {
                records.add(stage.copies.get(k));
            }
            for (CopyRecord r : records) {
                if (r.fromStage() == null) {
                    continue;
                }
                for (Candidate c : candidates(r, dir)) {
                    PipCommand cmd = stages.get(r.fromStage()).wheelDirs.get(Paths.join("/", c.path()));
                    if (cmd != null) {
                        return Optional.of(cmd);
                    }
                }
            }
            return Optional.empty();
        }

        private String absolute(String path) {
            if (path.startsWith("/")) {
                return Paths.join("/", path);
            }
            return cwd == null ? null : Paths.join(cwd, path);
        }

        private Optional<RequirementFile> file(Shell.Word v) {
            if (!v.literal()) {
                report(ins, "a requirements file named by " + v.raw() + ", which the shell computes: not followed");
                return Optional.empty();
            }
            String path = v.text();
            if (path.contains("://")) {
                report(ins, "a requirements file read from " + path + ": not followed");
                return Optional.of(new RequirementFile(path, Optional.empty(), List.of(), Optional.empty(),
                        "a URL"));
            }
            String abs = absolute(path);
            if (abs == null) {
                report(ins, "requirements file " + path + " is relative to a working directory that is not known");
                return Optional.of(new RequirementFile(path, Optional.empty(), List.of(), Optional.empty(),
                        "working directory not known"));
            }
            RequirementFile traced = trace(stage, path, abs, mounts, 0);
            if (!traced.traced()) {
                report(ins, "requirements file " + abs + " " + traced.origin());
            }
            return Optional.of(traced);
        }
    }

    // ---- tracing files back to the build context ----

    /** A source path a COPY may have taken a file from; exact when it names the file itself. */
    private record Candidate(String path, boolean exact) {
    }

    private RequirementFile trace(StageState s, String path, String abs, List<CopyRecord> mounts, int depth) {
        List<CopyRecord> records = new ArrayList<>(mounts);
        for (int k = s.copies.size() - 1; k >= 0; k--) {
            records.add(s.copies.get(k));
        }
        List<String> candidates = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (CopyRecord r : records) {
            List<Candidate> found = candidates(r, abs);
            if (found.isEmpty()) {
                continue;
            }
            if (r.heredocs().containsKey(found.get(0).path())) {
                if (candidates.isEmpty()) {
                    return new RequirementFile(path, Optional.of(abs), List.of(),
                            Optional.of(r.heredocs().get(found.get(0).path())), "here-document of " + r.what());
                }
                break;
            }
            if (r.url()) {
                if (candidates.isEmpty()) {
                    return new RequirementFile(path, Optional.of(abs), List.of(), Optional.empty(),
                            "may come from a URL added at line " + r.line() + ": not followed");
                }
                break;
            }
            if (r.fromImage() != null) {
                if (candidates.isEmpty()) {
                    return new RequirementFile(path, Optional.of(abs), List.of(), Optional.empty(),
                            "is copied from the image " + r.fromImage() + " (" + r.what() + "): not followed");
                }
                break;
            }
            if (r.fromStage() != null) {
                if (depth > 16) {
                    break;
                }
                Candidate c = found.get(0);
                RequirementFile inner = trace(stages.get(r.fromStage()), path, Paths.join("/", c.path()), List.of(),
                        depth + 1);
                if (inner.content().isPresent() && candidates.isEmpty()) {
                    return new RequirementFile(path, Optional.of(abs), List.of(), inner.content(),
                            r.what() + " from stage " + stages.get(r.fromStage()).index + ", " + inner.origin());
                }
                candidates.addAll(inner.contextCandidates());
                origins.add(r.what() + " from stage " + label(stages.get(r.fromStage())));
                if (c.exact()) {
                    break;
                }
                continue;
            }
            boolean exact = false;
            for (Candidate c : found) {
                String contextPath = Paths.contextRelative(c.path());
                if (!candidates.contains(contextPath)) {
                    candidates.add(contextPath);
                }
                exact |= c.exact();
            }
            origins.add(r.what());
            if (exact) {
                break;
            }
        }
        if (candidates.isEmpty()) {
            return new RequirementFile(path, Optional.of(abs), List.of(), Optional.empty(),
                    "is not copied from the build context");
        }
        return new RequirementFile(path, Optional.of(abs), candidates, Optional.empty(), String.join(", ", origins));
    }

    private static String label(StageState s) {
        return s.name != null ? s.name : Integer.toString(s.index);
    }

    /** The source paths {@code r} may have written {@code abs} from, most likely first. */
    private static List<Candidate> candidates(CopyRecord r, String abs) {
        List<Candidate> out = new ArrayList<>();
        String dest = r.dest();
        if (!r.destIsDir()) {
            String src = r.sources().get(0);
            if (abs.equals(dest)) {
                out.add(new Candidate(src, true));
            } else if (abs.startsWith(dest.equals("/") ? "/" : dest + "/")) {
                out.add(new Candidate(Paths.joinRelative(src, abs.substring(dest.length() + (dest.equals("/") ? 0
                        : 1))), false));
            }
            return out;
        }
        String prefix = dest.equals("/") ? "/" : dest + "/";
        if (!abs.startsWith(prefix)) {
            return out;
        }
        String rest = abs.substring(prefix.length());
        List<String> sources = new ArrayList<>(r.sources());
        java.util.Collections.reverse(sources);
        for (String src : sources) {
            String base = Paths.basename(src);
            if (src.startsWith("<<")) {
                if (rest.equals(src.replaceFirst("^<<-?[\"']?", "").replaceFirst("[\"']$", ""))) {
                    out.add(new Candidate(src, true));
                }
            } else if (Paths.isDirectoryLike(src)) {
                out.add(new Candidate(Paths.joinRelative(src, rest), true));
            } else if (Paths.hasGlob(base)) {
                String firstSegment = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                if (Paths.globMatches(base, firstSegment)) {
                    out.add(new Candidate(Paths.joinRelative(Paths.parentRelative(src), rest), false));
                }
            } else if (rest.equals(base)) {
                out.add(new Candidate(src, true));
            } else {
                // the source may be a directory whose contents were copied into the destination
                out.add(new Candidate(Paths.joinRelative(src, rest), false));
            }
        }
        return out;
    }
}
