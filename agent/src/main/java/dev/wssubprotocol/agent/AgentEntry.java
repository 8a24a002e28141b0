package dev.wssubprotocol.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's entry points: {@code premain} for {@code -javaagent:}, {@code agentmain} for a runtime attach, and
 * {@code main} for the jar's command line. None of them ever throws into the host JVM.
 */
public final class AgentEntry {
    private static boolean started;

    private AgentEntry() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    public static void main(String[] args) {
        System.out.println("ws-subprotocol-agent " + version());
        System.out.println("Use as -javaagent:ws-subprotocol-agent.jar[=options]; see the README.");
    }

    static String version() {
        String v = AgentEntry.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static synchronized void start(String args, Instrumentation inst, boolean attached) {
        try {
            if (started) {
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
            started = true;
            Hook.configure(true, options.reportOnly());
            Status.started(version(), options.summary);
            Gate gate = new Gate(options.patches);
            inst.addTransformer(gate, true);
            Log.info(version() + " active" + (options.reportOnly() ? " (report only)" : "") + ": "
                    + (options.patches.isEmpty() ? "no patches selected" : Options.ids(options.patches, ", ")));
            if (attached) {
                retransformLoaded(inst, gate);
            }
        } catch (Throwable t) {
            Log.failure("the agent could not start and changes nothing", t);
        }
    }

    /** After a runtime attach, target classes may be loaded already: run them through the gate again. */
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
