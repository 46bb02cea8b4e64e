package io.github.wheelscout.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The options of one requirements-file line, parsed as pip 26.2.1 parses them: Python's {@code optparse} with
 * exactly pip's option table ({@code req_file.SUPPORTED_OPTIONS} and {@code SUPPORTED_OPTIONS_REQ}). Long options
 * may be abbreviated to an unambiguous prefix, take their value after {@code =} or as the next word; short
 * options take it attached or as the next word; {@code --} ends the options; other words are left over.
 */
final class LineOptions {

    /** pip's options in requirements files. */
    enum Option {
        INDEX_URL("--index-url", "-i", true, "--pypi-url"),
        EXTRA_INDEX_URL("--extra-index-url", null, true),
        NO_INDEX("--no-index", null, false),
        CONSTRAINT("--constraint", "-c", true),
        REQUIREMENT("--requirement", "-r", true),
        EDITABLE("--editable", "-e", true),
        FIND_LINKS("--find-links", "-f", true),
        NO_BINARY("--no-binary", null, true),
        ONLY_BINARY("--only-binary", null, true),
        PREFER_BINARY("--prefer-binary", null, false),
        REQUIRE_HASHES("--require-hashes", null, false),
        NO_REQUIRE_HASHES("--no-require-hashes", null, false),
        PRE("--pre", null, false),
        ALL_RELEASES("--all-releases", null, true),
        ONLY_FINAL("--only-final", null, true),
        TRUSTED_HOST("--trusted-host", null, true),
        USE_FEATURE("--use-feature", null, true),
        HASH("--hash", null, true),
        CONFIG_SETTINGS("--config-settings", "-C", true);

        final String longName;
        final String shortName;
        final boolean takesValue;
        final String alias;

        Option(String longName, String shortName, boolean takesValue) {
            this(longName, shortName, takesValue, null);
        }

        Option(String longName, String shortName, boolean takesValue, String alias) {
            this.longName = longName;
            this.shortName = shortName;
            this.takesValue = takesValue;
            this.alias = alias;
        }
    }

    /** The values {@code --use-feature} accepts in pip 26.2.1. */
    private static final List<String> FEATURES = List.of("fast-deps", "inprocess-build-deps", "venv-isolation",
            "truststore", "no-binary-enable-wheel-cache", "build-constraint");

    private static final List<String> STRONG_HASHES = List.of("sha256", "sha384", "sha512");

    /** One option as given: which, its value (null for a flag), and the word it was spelled with. */
    record Occurrence(Option option, String value, String spelled) {
    }

    /** A word pip's option parser rejects; {@code word} is the offending word, to locate it in the line. */
    static final class OptionError extends Exception {

        private static final long serialVersionUID = 1L;

        final String word;

        OptionError(String message, String word) {
            super(message, null, false, false);
            this.word = word;
        }
    }

    final List<Occurrence> occurrences = new ArrayList<>();
    final List<String> leftover = new ArrayList<>();

    private LineOptions() {
    }

    static LineOptions parse(List<String> words) throws OptionError {
        LineOptions options = new LineOptions();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                options.leftover.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                String spelled = eq < 0 ? word : word.substring(0, eq);
                Option option = matchLong(spelled);
                String value = null;
                if (option.takesValue) {
                    if (eq >= 0) {
                        value = word.substring(eq + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        throw new OptionError(option.longName + " option requires 1 argument", word);
                    }
                } else if (eq >= 0) {
                    throw new OptionError(option.longName + " option does not take a value", word);
                }
                options.add(option, value, word);
            } else if (word.startsWith("-") && word.length() > 1) {
                String spelled = word.substring(0, 2);
                Option option = matchShort(spelled);
                String value;
                if (word.length() > 2) {
                    value = word.substring(2);
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    throw new OptionError(spelled + " option requires 1 argument", word);
                }
                options.add(option, value, word); // every short option of the table takes a value
            } else {
                options.leftover.add(word);
            }
        }
        return options;
    }

    private static Option matchLong(String spelled) throws OptionError {
        TreeSet<String> candidates = new TreeSet<>();
        for (Option option : Option.values()) {
            for (String name : new String[] {option.longName, option.alias}) {
                if (name == null) {
                    continue;
                }
                if (name.equals(spelled)) {
                    return option;
                }
                if (name.startsWith(spelled)) {
                    candidates.add(name);
                }
            }
        }
        if (candidates.size() == 1) {
            return byLongName(candidates.first());
        }
        if (candidates.isEmpty()) {
            throw new OptionError("no such option: " + spelled, spelled);
        }
        throw new OptionError("ambiguous option: " + spelled + " (" + String.join(", ", candidates) + "?)", spelled);
    }

    private static Option byLongName(String name) {
        for (Option option : Option.values()) {
            if (name.equals(option.longName) || name.equals(option.alias)) {
                return option;
            }
        }
        throw new AssertionError(name);
    }

    private static Option matchShort(String spelled) throws OptionError {
        for (Option option : Option.values()) {
            if (spelled.equals(option.shortName)) {
                return option;
            }
        }
        throw new OptionError("no such option: " + spelled, spelled);
    }

    /** Records an option, checking its value as pip's callbacks and choices do. */
    private void add(Option option, String value, String spelled) throws OptionError {
        switch (option) {
            case HASH: {
                int colon = value.indexOf(':');
                if (colon < 0) {
                    throw new OptionError("Arguments to --hash must be a hash name followed by a value, like"
                            + " --hash=sha256:abcde...", spelled);
                }
                if (!STRONG_HASHES.contains(value.substring(0, colon))) {
                    throw new OptionError("Allowed hash algorithms for --hash are "
                            + String.join(", ", STRONG_HASHES) + ".", spelled);
                }
                break;
            }
            case CONFIG_SETTINGS:
                if (value.indexOf('=') < 0) {
                    String name = spelled.startsWith("--") ? option.longName : option.shortName;
                    throw new OptionError("Arguments to " + name + " must be of the form KEY=VAL", spelled);
                }
                break;
            case NO_BINARY:
            case ONLY_BINARY:
                if (value.startsWith("-")) {
                    throw new OptionError("--no-binary / --only-binary option requires 1 argument.", spelled);
                }
                break;
            case ALL_RELEASES:
            case ONLY_FINAL:
                if (value.startsWith("-")) {
                    throw new OptionError("--all-releases / --only-final option requires 1 argument.", spelled);
                }
                break;
            case USE_FEATURE:
                if (!FEATURES.contains(value)) {
                    StringBuilder choices = new StringBuilder();
                    for (String feature : FEATURES) {
                        choices.append(choices.length() == 0 ? "" : ", ").append('\'').append(feature).append('\'');
                    }
                    throw new OptionError("option --use-feature: invalid choice: '" + value + "' (choose from "
                            + choices + ")", spelled);
                }
                break;
            default:
                break;
        }
        occurrences.add(new Occurrence(option, value, spelled));
    }

    List<String> values(Option option) {
        List<String> values = new ArrayList<>();
        for (Occurrence occurrence : occurrences) {
            if (occurrence.option() == option) {
                values.add(occurrence.value());
            }
        }
        return values;
    }
}
