package dev.wssubprotocol.it.support;

import dev.wssubprotocol.agent.patch.Patches;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.jar.JarFile;

/**
 * What the agent prints, as the tests expect it: the version from the jar's manifest (AgentJarIT checks it against
 * the project's version) and the patch ids from the agent's own list, {@link Patches}.
 */
public final class AgentOutput {
    public static final String VERSION = manifestVersion();
    public static final List<String> PATCH_IDS = List.copyOf(Patches.ids());
    public static final String PREFIX = "[ws-subprotocol-agent] ";

    private AgentOutput() {
    }

    private static String manifestVersion() {
        try (JarFile jar = new JarFile(Fork.AGENT_JAR.toFile())) {
            String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            if (version == null) {
                throw new IllegalStateException("no Implementation-Version in " + Fork.AGENT_JAR);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Fork.AGENT_JAR, e);
        }
    }

    /** The start line with the given patch ids, or every patch when none are given. */
    public static String startLine(String... ids) {
        return PREFIX + VERSION + " active: " + String.join(", ", ids.length == 0 ? PATCH_IDS : List.of(ids));
    }
}
