package io.github.wheelscout.requirement;

import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.util.PythonRepr;
import io.github.wheelscout.version.Specifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PEP 508 environment marker ({@code python_version < "3.11" and sys_platform == "linux"}), as packaging 26.3's
 * {@code Marker}: parsed, printed in packaging's normal form, and evaluated against an environment that the
 * caller supplies (the target machine's, never the one wheelscout runs on).
 *
 * <p>Equality is that of the printed forms, as in packaging. Instances are immutable.
 */
public final class Marker {

    /** The variables whose comparisons are PEP 440 version comparisons when the right side is a version. */
    private static final Set<String> VERSION_VARIABLES =
            Set.of("implementation_version", "platform_release", "python_full_version", "python_version");
    /** Set-valued variables (lock files, PEP 751); their literals compare normalised. */
    private static final Set<String> SET_VARIABLES = Set.of("extras", "dependency_groups");

    /** The expression: atoms joined by {@code and}/{@code or}, as packaging's nested marker list. */
    sealed interface Node permits Group, Comparison {
    }

    /** Atoms and the boolean operators between them ({@code ops.size() == atoms.size() - 1}). */
    record Group(List<Node> atoms, List<String> ops) implements Node {
    }

    /** {@code lhs op rhs}, where each side is a variable or a literal value. */
    record Comparison(Operand lhs, String op, Operand rhs) implements Node {
    }

    /** A variable name (canonical: dots replaced, {@code python_implementation} aliased) or a literal value. */
    record Operand(boolean variable, String value) {

        String serialize() {
            if (variable) {
                return value;
            }
            if (value.indexOf('"') < 0) {
                return '"' + value + '"';
            }
            if (value.indexOf('\'') < 0) {
                return '\'' + value + '\'';
            }
            // packaging cannot print such a value (it raises); this spelling is still a valid marker literal.
            return '"' + value.replace("\"", "\\x22") + '"';
        }
    }

    private final Group root;
    private final String text;

    Marker(Group root) {
        this.root = normalizeExtras(root);
        this.text = format(this.root, true);
    }

    /**
     * The marker {@code text} spells.
     *
     * @throws InvalidMarkerException with packaging's three-line message if it is not one
     */
    public static Marker parse(String text) {
        return Pep508Parser.parseMarker(text);
    }

    /**
     * Evaluates the marker in {@code environment}, which maps the marker variables ({@code python_version},
     * {@code sys_platform}, ...) to their values; as packaging evaluates core metadata: {@code extra} defaults to
     * the empty string and is compared normalised; a {@code python_full_version} ending in {@code +} counts as a
     * local version. Every comparison is evaluated, left to right (packaging does not short-circuit), so an error
     * anywhere is raised.
     *
     * @throws UndefinedEnvironmentNameException if the marker uses a variable the environment lacks
     * @throws UndefinedComparisonException for {@code ~=} or {@code ===} between values that are not versions
     */
    public boolean evaluate(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        String extra = env.get("extra");
        env.put("extra", extra == null || extra.isEmpty() ? "" : ProjectName.normalize(extra));
        String full = env.get("python_full_version");
        if (full != null && full.endsWith("+")) {
            env.put("python_full_version", full + "local");
        }
        return evaluate(root, env);
    }

    private static boolean evaluate(Group group, Map<String, String> env) {
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < group.atoms().size(); i++) {
            if (i > 0 && group.ops().get(i - 1).equals("or")) {
                any |= all;
                all = true;
            }
            Node atom = group.atoms().get(i);
            boolean value = atom instanceof Group g ? evaluate(g, env) : evaluate((Comparison) atom, env);
            all &= value;
        }
        return any | all;
    }

    private static boolean evaluate(Comparison c, Map<String, String> env) {
        String key;
        String lhs;
        String rhs;
        if (c.lhs().variable()) {
            key = c.lhs().value();
            lhs = lookup(env, key);
            rhs = c.rhs().value();
        } else {
            key = c.rhs().value(); // packaging looks the right side up even when it is a literal
            lhs = c.lhs().value();
            rhs = lookup(env, key);
        }
        if (SET_VARIABLES.contains(key)) {
            lhs = ProjectName.normalize(lhs);
            rhs = ProjectName.normalize(rhs);
        }
        return compare(lhs, c.op(), rhs, key);
    }

    private static String lookup(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null) {
            throw new UndefinedEnvironmentNameException(key);
        }
        return value;
    }

    private static boolean compare(String lhs, String op, String rhs, String key) {
        if (VERSION_VARIABLES.contains(key)) {
            Optional<Specifier> spec = Specifier.tryParse(op + rhs);
            if (spec.isPresent()) {
                // The environment's value is the candidate; one that is not a version matches nothing.
                return spec.get().contains(lhs);
            }
        }
        switch (op) {
            case "in":
                return rhs.contains(lhs);
            case "not in":
                return !rhs.contains(lhs);
            case "==":
            case "<=":
            case ">=":
                return lhs.equals(rhs);
            case "!=":
                return !lhs.equals(rhs);
            case "<":
            case ">":
                return false;
            default:
                throw new UndefinedComparisonException("Undefined <Op(" + PythonRepr.of(op) + ")> on "
                        + PythonRepr.of(lhs) + " and " + PythonRepr.of(rhs) + ".");
        }
    }

    /** PEP 685: literals compared with {@code extra} (and tested against {@code extras}/{@code dependency_groups}) are normalised names. */
    private static Group normalizeExtras(Group group) {
        List<Node> atoms = new ArrayList<>(group.atoms().size());
        for (Node atom : group.atoms()) {
            if (atom instanceof Group g) {
                atoms.add(normalizeExtras(g));
                continue;
            }
            Comparison c = (Comparison) atom;
            Operand lhs = c.lhs();
            Operand rhs = c.rhs();
            if (lhs.variable() && lhs.value().equals("extra") && !rhs.variable()) {
                rhs = new Operand(false, ProjectName.normalize(rhs.value()));
            } else if (rhs.variable() && rhs.value().equals("extra") && !lhs.variable()) {
                lhs = new Operand(false, ProjectName.normalize(lhs.value()));
            } else if (rhs.variable() && SET_VARIABLES.contains(rhs.value()) && !lhs.variable()) {
                lhs = new Operand(false, ProjectName.normalize(lhs.value()));
            }
            atoms.add(new Comparison(lhs, c.op(), rhs));
        }
        return new Group(List.copyOf(atoms), group.ops());
    }

    private static String format(Node node, boolean first) {
        if (node instanceof Comparison c) {
            return c.lhs().serialize() + " " + c.op() + " " + c.rhs().serialize();
        }
        Group g = (Group) node;
        if (g.atoms().size() == 1) {
            return format(g.atoms().get(0), first); // redundant parentheses go
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < g.atoms().size(); i++) {
            if (i > 0) {
                out.append(' ').append(g.ops().get(i - 1)).append(' ');
            }
            out.append(format(g.atoms().get(i), false));
        }
        return first ? out.toString() : "(" + out + ")";
    }

    /**
     * Whether the printed form reads back as this marker: packaging prints a value between quotes as it is, so a
     * value holding a line break, a NUL, a backslash or a lone surrogate (possible through escapes such as
     * {@code '\\n'}) prints as text that is not the same literal, or no literal at all.
     */
    boolean readsBackAsItself() {
        return readsBack(root);
    }

    private static boolean readsBack(Node node) {
        if (node instanceof Comparison c) {
            return readsBack(c.lhs()) && readsBack(c.rhs());
        }
        return ((Group) node).atoms().stream().allMatch(Marker::readsBack);
    }

    private static boolean readsBack(Operand o) {
        return o.variable() || o.value().equals(PythonStringLiteral.evaluate(o.serialize()));
    }

    /** Whether packaging can print this marker: no value contains both quote characters. */
    boolean isPrintableByPackaging() {
        return isPrintable(root);
    }

    private static boolean isPrintable(Node node) {
        if (node instanceof Comparison c) {
            return isPrintable(c.lhs()) && isPrintable(c.rhs());
        }
        return ((Group) node).atoms().stream().allMatch(Marker::isPrintable);
    }

    private static boolean isPrintable(Operand o) {
        return o.variable() || o.value().indexOf('"') < 0 || o.value().indexOf('\'') < 0;
    }

    /** Equal when the printed forms are, as in packaging. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Marker m && text.equals(m.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * packaging's normal form: values in double quotes (single if the value holds {@code "}), single spaces
     * around operators, redundant parentheses dropped, {@code extra} literals normalised. A value holding both
     * quote characters, which packaging cannot print, is written with {@code \x22} for {@code "}.
     */
    @Override
    public String toString() {
        return text;
    }
}
