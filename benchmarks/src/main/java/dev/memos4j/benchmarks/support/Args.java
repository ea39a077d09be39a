package dev.memos4j.benchmarks.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of one benchmark command: {@code --name value} options and {@code --flag} switches.
 * Unknown options and malformed values fail with a message naming the option, before anything runs.
 */
public final class Args {

    private final Map<String, String> values;
    private final Set<String> flags;

    /** {@code --help} was given: the message lists the command's options. */
    public static final class HelpRequested extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        HelpRequested(String message) {
            super(message);
        }
    }

    private Args(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * Parses arguments against the options a command knows.
     *
     * @param args the arguments after the command name
     * @param valueOptions options that take a value, without the leading {@code --}
     * @param flagOptions switches without a value, without the leading {@code --}
     * @return the parsed arguments
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray argument
     */
    public static Args parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested("options: " + known(valueOptions, flagOptions));
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options start with --");
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name) && inlineValue == null) {
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else {
                throw new IllegalArgumentException(
                        "unknown option --" + name + "; known: " + known(valueOptions, flagOptions));
            }
        }
        return new Args(values, flags);
    }

    /**
     * Whether a switch was given.
     *
     * @param name the switch, without {@code --}
     * @return true when present
     */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * A text option.
     *
     * @param name the option, without {@code --}
     * @return its value, empty when absent
     */
    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * A positive whole-number option.
     *
     * @param name the option, without {@code --}
     * @param defaultValue the value when absent
     * @return the value
     * @throws IllegalArgumentException when the value is not a positive integer
     */
    public int positiveInt(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : positive(name, value);
    }

    /**
     * A comma-separated list of positive whole numbers, e.g. {@code --sizes 1000,10000}.
     *
     * @param name the option, without {@code --}
     * @param defaultValue the list when absent
     * @return the values, in the order given
     * @throws IllegalArgumentException when an element is not a positive integer
     */
    public List<Integer> positiveInts(String name, List<Integer> defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            out.add(positive(name, part.strip()));
        }
        return List.copyOf(out);
    }

    private static int positive(String name, String value) {
        String digits = value.replace("_", "").replace("k", "000");
        int parsed;
        try {
            parsed = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive integer, got '" + value + "'");
        }
        if (parsed <= 0) {
            throw new IllegalArgumentException("--" + name + " must be a positive integer, got '" + value + "'");
        }
        return parsed;
    }

    private static String known(Set<String> valueOptions, Set<String> flagOptions) {
        List<String> names = new ArrayList<>();
        valueOptions.stream().sorted().forEach(n -> names.add("--" + n + " VALUE"));
        flagOptions.stream().sorted().forEach(n -> names.add("--" + n));
        return String.join(", ", names);
    }
}
