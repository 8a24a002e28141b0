package dev.wssubprotocol.agent.cli;

import dev.wssubprotocol.agent.Status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's state in one JVM, exactly as that JVM publishes it in the system property {@value Status#PROPERTY}:
 * {@code version=0.1.0;active=true;patches=...;mode=patch;log=info;empty=reject;patched=lib:class@loader|...;rescued=N}.
 * Nothing here is guessed: a JVM without the property has never run the agent.
 */
final class AgentState {
    private final String raw;
    private final Map<String, String> fields = new LinkedHashMap<String, String>();

    private AgentState(String raw) {
        this.raw = raw;
        if (raw != null) {
            for (String field : raw.split(";")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    fields.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
        }
    }

    static AgentState of(Properties systemProperties) {
        return new AgentState(systemProperties.getProperty(Status.PROPERTY));
    }

    /** The agent has run in this JVM at some point (it may have been detached since). */
    boolean loaded() {
        return raw != null;
    }

    boolean active() {
        return "true".equals(fields.get("active"));
    }

    String version() {
        return field("version");
    }

    /** The options in force, as the agent reports them. */
    String options() {
        String empty = fields.get("empty"); // absent in the status of an agent from before the option
        return "patches=" + field("patches") + " mode=" + field("mode") + " log=" + field("log")
                + (empty == null ? "" : " empty=" + empty);
    }

    /** Each patched class as {@code library:class@loader}. */
    List<String> patched() {
        String value = fields.get("patched");
        return value == null || value.isEmpty() ? new ArrayList<String>()
                : new ArrayList<String>(Arrays.asList(value.split("\\|")));
    }

    String rescued() {
        return field("rescued");
    }

    /** One phrase: "not loaded", "active 0.1.0" or "inactive 0.1.0 (detached)". */
    String brief() {
        if (!loaded()) {
            return "not loaded";
        }
        return active() ? "active " + version() : "inactive " + version() + " (detached)";
    }

    /** The patched classes in one phrase, "none yet" when nothing is. */
    String patchedList() {
        List<String> patched = patched();
        if (patched.isEmpty()) {
            return active() ? "none yet (a target class is patched when it loads)" : "none";
        }
        StringBuilder sb = new StringBuilder();
        for (String entry : patched) {
            sb.append(sb.length() == 0 ? "" : ", ").append(entry);
        }
        return sb.toString();
    }

    private String field(String key) {
        String value = fields.get(key);
        return value == null ? "?" : value;
    }
}
