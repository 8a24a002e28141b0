package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's options. Each key may come from three places; the first that sets it wins:
 * <ol>
 *   <li>agent arguments: {@code -javaagent:ws-subprotocol-agent.jar=patches=netty,log=quiet}</li>
 *   <li>system properties: {@code -Dws.subprotocol.agent.patches=netty}</li>
 *   <li>environment: {@code WS_SUBPROTOCOL_AGENT_PATCHES=netty}</li>
 * </ol>
 * In agent arguments, options are separated by commas; a comma-separated item without '=' continues the
 * list of the option before it ({@code patches=netty,java-websocket,log=quiet}).
 */
public final class Options {
    public static final String PROPERTY_PREFIX = "ws.subprotocol.agent.";
    public static final String ENV_PREFIX = "WS_SUBPROTOCOL_AGENT_";

    static final List<String> KEYS = Collections.unmodifiableList(Arrays.asList("patches", "exclude", "mode", "log",
            "empty"));
    static final List<String> MODES = Collections.unmodifiableList(Arrays.asList("patch", "report"));
    static final List<String> LOG_LEVELS = Collections.unmodifiableList(Arrays.asList("quiet", "info", "debug"));
    /**
     * empty=: what an empty or whitespace-only Sec-WebSocket-Protocol is. "reject" (default): whatever the library
     * makes of it; "absent": the same as a missing header (for servers such as http.sys that send the header empty).
     */
    static final List<String> EMPTY = Collections.unmodifiableList(Arrays.asList("reject", "absent"));

    final List<Patch> patches;
    final String mode;
    final String log;
    final String empty;
    /** The options as they are in force, for the status and the start line. */
    final String summary;

    private Options(List<Patch> patches, String mode, String log, String empty) {
        this.patches = Collections.unmodifiableList(patches);
        this.mode = mode;
        this.log = log;
        this.empty = empty;
        this.summary = "patches=" + ids(patches, ",") + ";mode=" + mode + ";log=" + log + ";empty=" + empty;
    }

    /** empty=absent: an empty Sec-WebSocket-Protocol value is treated as a missing header */
    boolean emptyIsAbsent() {
        return "absent".equals(empty);
    }

    boolean reportOnly() {
        return "report".equals(mode);
    }

    int logLevel() {
        return LOG_LEVELS.indexOf(log);
    }

    static String ids(List<Patch> patches, String separator) {
        StringBuilder sb = new StringBuilder();
        for (String id : Patches.ids(patches)) { // an id may cover several classes (paho-mqtt)
            sb.append(sb.length() == 0 ? "" : separator).append(id);
        }
        return sb.toString();
    }

    /** @throws IllegalArgumentException with a message that names the bad option and the valid choices */
    static Options parse(String agentArgs, Properties system, Map<String, String> env) {
        Map<String, String> fromArgs = parseArgs(agentArgs);
        Map<String, String> chosen = new LinkedHashMap<String, String>();
        for (String key : KEYS) {
            String value = fromArgs.get(key);
            if (value == null) {
                value = system.getProperty(PROPERTY_PREFIX + key);
            }
            if (value == null) {
                value = env.get(ENV_PREFIX + key.toUpperCase(Locale.ROOT));
            }
            if (value != null) {
                chosen.put(key, value.trim());
            }
        }
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX) && !name.equals(Status.PROPERTY)
                    && !KEYS.contains(name.substring(PROPERTY_PREFIX.length()))) {
                throw new IllegalArgumentException("unknown system property -D" + name + " (valid keys: " + KEYS + ")");
            }
        }
        for (String name : env.keySet()) {
            if (name.startsWith(ENV_PREFIX)
                    && !KEYS.contains(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("unknown environment variable " + name + " (valid keys: " + KEYS + ")");
            }
        }

        String mode = choice("mode", chosen.get("mode"), MODES, "patch");
        String log = choice("log", chosen.get("log"), LOG_LEVELS, "info");
        String empty = choice("empty", chosen.get("empty"), EMPTY, "reject");
        Set<String> wanted = patchIds("patches", chosen.get("patches"));
        Set<String> excluded = patchIds("exclude", chosen.get("exclude"));
        List<Patch> selected = new ArrayList<Patch>();
        for (Patch p : Patches.ALL) {
            if ((wanted == null || wanted.contains(p.id())) && (excluded == null || !excluded.contains(p.id()))) {
                selected.add(p);
            }
        }
        return new Options(selected, mode, log, empty);
    }

    private static Map<String, String> parseArgs(String agentArgs) {
        Map<String, String> result = new LinkedHashMap<String, String>();
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return result;
        }
        String lastKey = null;
        for (String item : agentArgs.split(",")) {
            String token = item.trim();
            int eq = token.indexOf('=');
            if (eq < 0) {
                if (lastKey == null || token.isEmpty()) {
                    throw new IllegalArgumentException("malformed agent argument '" + token
                            + "' (expected key=value; valid keys: " + KEYS + ")");
                }
                result.put(lastKey, result.get(lastKey) + "," + token);
                continue;
            }
            String key = token.substring(0, eq).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' (valid keys: " + KEYS + ")");
            }
            if (result.containsKey(key)) {
                throw new IllegalArgumentException("option '" + key + "' is given twice");
            }
            result.put(key, token.substring(eq + 1).trim());
            lastKey = key;
        }
        return result;
    }

    private static String choice(String key, String value, List<String> valid, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!valid.contains(value)) {
            throw new IllegalArgumentException("bad value '" + value + "' for option '" + key + "' (valid: " + valid + ")");
        }
        return value;
    }

    /** null means "not set"; "all" in patches= means every patch. */
    private static Set<String> patchIds(String key, String value) {
        if (value == null || ("patches".equals(key) && "all".equals(value))) {
            return null;
        }
        List<String> valid = Patches.ids();
        Set<String> ids = new LinkedHashSet<String>();
        for (String item : value.split(",")) {
            String id = item.trim();
            if (!valid.contains(id)) {
                throw new IllegalArgumentException("unknown patch '" + id + "' in option '" + key + "' (valid: "
                        + valid + ("patches".equals(key) ? " or all" : "") + ")");
            }
            ids.add(id);
        }
        return ids;
    }
}
