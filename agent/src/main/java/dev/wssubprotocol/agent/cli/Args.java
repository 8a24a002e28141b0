package dev.wssubprotocol.agent.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One command's arguments: {@code --flag}, {@code --option VALUE} (or {@code --option=VALUE}), and pids. */
final class Args {
    /** A command line that does not make sense; the message says what is wrong. */
    static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    final List<String> pids = new ArrayList<String>();
    private final Map<String, String> given = new HashMap<String, String>();

    /**
     * @param flags   the flags this command takes, e.g. "--all"
     * @param options the options with a value this command takes, e.g. "--main"
     */
    static Args parse(List<String> args, List<String> flags, List<String> options) throws Usage {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                parsed.pids.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (flags.contains(name) && eq < 0) {
                parsed.given.put(name, "");
            } else if (options.contains(name)) {
                if (eq < 0 && i + 1 >= args.size()) {
                    throw new Usage(name + " needs a value");
                }
                parsed.given.put(name, eq > 0 ? arg.substring(eq + 1) : args.get(++i));
            } else {
                throw new Usage("unknown option " + arg);
            }
        }
        return parsed;
    }

    static Args parse(List<String> args, String... flagsAndOptions) throws Usage {
        List<String> flags = new ArrayList<String>(Arrays.asList("--help", "-h"));
        List<String> options = new ArrayList<String>();
        for (String name : flagsAndOptions) {
            if (name.endsWith("=")) {
                options.add(name.substring(0, name.length() - 1));
            } else {
                flags.add(name);
            }
        }
        return parse(args, flags, options);
    }

    boolean has(String name) {
        return given.containsKey(name);
    }

    String get(String name) {
        return given.get(name);
    }

    boolean help() {
        return has("--help") || has("-h");
    }

    Pattern pattern(String name) throws Usage {
        String regex = get(name);
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new Usage("bad regular expression for " + name + ": " + e.getDescription() + " in '" + regex + "'");
        }
    }
}
