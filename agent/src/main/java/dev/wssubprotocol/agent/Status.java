package dev.wssubprotocol.agent;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the running agent has done, published as one system property so that it can be read from inside the
 * application, with {@code jcmd <pid> VM.system_properties}, from a JMX console, or by the attach command line:
 * <pre>ws.subprotocol.agent.status=version=0.1.0;active=true;patches=netty,java-websocket;mode=patch;log=info;empty=reject;
 *     patched=netty:io.netty...WebSocketClientHandshaker@system;rescued=2</pre>
 * (one line). {@code patched} lists each patched class as library:class@loader, separated by '|'; {@code rescued}
 * counts the handshakes the agent let through since the JVM started. {@code rejected}, present only when a class
 * was woven but failed the check before the JVM saw it (and was left unchanged), lists those the same way.
 * After a detach, active=false.
 */
public final class Status {
    public static final String PROPERTY = Options.PROPERTY_PREFIX + "status";

    private static final List<String> PATCHED = new ArrayList<String>();
    private static final List<String> REJECTED = new ArrayList<String>();
    private static final AtomicLong RESCUED = new AtomicLong();
    private static volatile String version = "?";
    private static volatile String options = "";
    private static volatile boolean active;
    private static volatile boolean reportOnly;
    private static volatile boolean emptyIsAbsent;

    private Status() {
    }

    static boolean active() {
        return active;
    }

    /** mode=report: advice asks, the agent reports and lets the library's own outcome stand */
    static boolean reportOnly() {
        return reportOnly;
    }

    /** empty=absent: advice may treat an empty Sec-WebSocket-Protocol value as a missing header */
    static boolean emptyIsAbsent() {
        return emptyIsAbsent;
    }

    static synchronized void started(String agentVersion, String optionSummary, boolean isReportOnly,
                                     boolean isEmptyAbsent) {
        version = agentVersion;
        options = optionSummary;
        reportOnly = isReportOnly;
        emptyIsAbsent = isEmptyAbsent;
        active = true;
        PATCHED.clear();
        REJECTED.clear();
        publish();
    }

    static synchronized void detached() {
        active = false;
        PATCHED.clear();
        REJECTED.clear();
        publish();
    }

    static synchronized void patched(String library, String className, String loader) {
        String entry = library + ":" + className + "@" + loader;
        if (!PATCHED.contains(entry)) {
            PATCHED.add(entry);
        }
        publish();
    }

    /** The woven class failed the check before the JVM saw it and was left unchanged. */
    static synchronized void rejected(String library, String className, String loader) {
        String entry = library + ":" + className + "@" + loader;
        if (!REJECTED.contains(entry)) {
            REJECTED.add(entry);
        }
        publish();
    }

    static synchronized void rescued() {
        RESCUED.incrementAndGet();
        publish();
    }

    private static void publish() {
        StringBuilder patched = new StringBuilder();
        for (String entry : PATCHED) {
            patched.append(patched.length() == 0 ? "" : "|").append(entry);
        }
        StringBuilder rejected = new StringBuilder();
        for (String entry : REJECTED) {
            rejected.append(rejected.length() == 0 ? ";rejected=" : "|").append(entry);
        }
        final String value = "version=" + version + ";active=" + active + ";" + options + rejected
                + ";patched=" + patched
                + ";rescued=" + RESCUED.get();
        try {
            // privileged: this runs on whatever thread loads a target class or completes a handshake, and under a
            // security manager that thread's application frames may not write properties where the agent may
            AccessController.doPrivileged(new PrivilegedAction<Void>() {
                @Override
                public Void run() {
                    System.setProperty(PROPERTY, value);
                    return null;
                }
            });
        } catch (SecurityException notAllowed) {
            // the agent itself may not write properties: the status is not published, nothing else changes
        }
    }
}
