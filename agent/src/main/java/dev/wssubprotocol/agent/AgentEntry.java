package dev.wssubprotocol.agent;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The agent's entry points: {@code premain} for {@code -javaagent:}, {@code agentmain} for a runtime attach. Neither
 * ever throws into the host JVM. (The jar's command line is {@link dev.wssubprotocol.agent.cli.Cli}, kept apart so
 * that it loads nothing of the agent and runs even where java.instrument is missing.)
 * <p>
 * {@code agentmain} with the argument {@value #DETACH} removes the agent's transformer and gives every patched
 * class its original code back; a later attach installs the patches again.
 */
public final class AgentEntry {
    public static final String DETACH = "detach";

    /** The transformer while the agent is active, null otherwise. */
    private static Gate gate;
    /** The Instrumentation the gate was added to: each agent load (premain, every attach) has its own. */
    private static Instrumentation gateOwner;

    private AgentEntry() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        String other = otherVersion();
        if (other != null) {
            // the JVM runs the classes it already has: an attach of another version would run this one's code
            Log.warn("ws-subprotocol-agent " + version() + " is already loaded in this JVM; the attached " + other
                    + " cannot run here, nothing changed (restart the JVM to use it)");
            return;
        }
        if (DETACH.equals(args)) {
            detach();
        } else {
            start(args, inst, true);
        }
    }

    /**
     * Another version of this agent on the system class path (where each attach appends its jar), as
     * "&lt;version&gt; (&lt;jar&gt;)", or null. Read only on attach.
     */
    private static String otherVersion() {
        try {
            String mine = version();
            String found = null;
            Enumeration<URL> manifests = ClassLoader.getSystemClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                InputStream in = url.openStream();
                try {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String version = main.getValue("Implementation-Version");
                    if ("ws-subprotocol-agent".equals(main.getValue("Implementation-Title")) && version != null
                            && !version.equals(mine)) {
                        String jar = url.toString();
                        int end = jar.indexOf("!/");
                        found = version + " (" + (jar.startsWith("jar:") && end > 0 ? jar.substring(4, end) : jar)
                                + ")";
                    }
                } finally {
                    in.close();
                }
            }
            return found;
        } catch (Throwable t) {
            return null;
        }
    }

    static String version() {
        String v = AgentEntry.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static synchronized void start(String args, Instrumentation inst, boolean attached) {
        try {
            if (gate != null) {
                Log.info(version() + " already active");
                return;
            }
            Options options;
            try {
                options = Options.parse(args, System.getProperties(), System.getenv());
            } catch (IllegalArgumentException bad) {
                Log.configError(bad.getMessage() + "; the agent stays inactive and changes nothing");
                return;
            }
            Log.setLevel(options.logLevel());
            Status.started(version(), options.summary, options.reportOnly(), options.emptyIsAbsent());
            Gate installed = new Gate(options.patches);
            inst.addTransformer(installed, true);
            gate = installed; // only once it is installed: the agent is active from here on
            gateOwner = inst;
            Log.info(version() + " active" + (options.reportOnly() ? " (report only)" : "") + ": "
                    + (options.patches.isEmpty() ? "no patches selected" : Options.ids(options.patches, ", ")));
            if (attached) {
                retransformLoaded(inst, gate);
            }
        } catch (Throwable t) {
            Log.failure("the agent could not start and changes nothing", t);
        }
    }

    private static synchronized void detach() {
        try {
            if (gate == null) {
                Log.info(version() + " not active, nothing to detach");
                return;
            }
            Gate removed = gate;
            // only the Instrumentation that added the gate can remove it, not the one of this detach call
            Instrumentation inst = gateOwner;
            inst.removeTransformer(removed);
            gate = null;
            gateOwner = null;
            Status.detached(); // from here advice still running in old code rescues nothing
            // without the transformer, a retransform gives each class its original class file back
            retransformLoaded(inst, removed);
            Log.info(version() + " detached: patched classes have their original code again");
        } catch (Throwable t) {
            Log.failure("detach failed", t);
        }
    }

    /** After a runtime attach (or a detach), target classes may be loaded already: run them through again. */
    private static void retransformLoaded(Instrumentation inst, Gate gate) {
        List<Class<?>> targets = new ArrayList<Class<?>>();
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (gate.match(loaded.getName().replace('.', '/')) != null && inst.isModifiableClass(loaded)) {
                targets.add(loaded);
            }
        }
        for (Class<?> target : targets) {
            try {
                inst.retransformClasses(target);
            } catch (Throwable t) {
                Log.failure("could not retransform " + target.getName(), t);
            }
        }
    }

}
