package dev.wssubprotocol.agent.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What Linux's /proc says about one process that the command is about to attach to: its pid in its own PID
 * namespace (NSpid), its effective uid and gid, whether it shares this command's mount namespace, and whether it
 * catches SIGQUIT. Read once, from /proc/&lt;pid&gt;/status and the namespace links; the files the attach uses are
 * reached through /proc/&lt;pid&gt;/root, the target's own view of the file system, so a pid that is reused between
 * reading and attaching leads to no file of another process.
 */
final class Target {
    private static final Path PROC = Paths.get("/proc");

    final String pid;
    /** The pid as the JVM knows itself (the last NSpid entry): the number in .java_pid and .attach_pid. */
    final String nsPid;
    final int uid;
    final int gid;
    final boolean sameMountNamespace;
    final boolean catchesSigquit;

    private Target(String pid, String status) {
        this.pid = pid;
        String ns = field(status, "NSpid");
        String[] nsPids = ns == null ? new String[] {pid} : ns.trim().split("\\s+");
        this.nsPid = nsPids[nsPids.length - 1];
        this.uid = effective(field(status, "Uid"));
        this.gid = effective(field(status, "Gid"));
        this.sameMountNamespace = sameLink(pid, "ns/mnt");
        String sigCgt = field(status, "SigCgt");
        // SIGQUIT is signal 3: bit 2 of the caught-signals mask
        this.catchesSigquit = sigCgt != null && (Long.parseLong(sigCgt.trim(), 16) & (1L << 2)) != 0;
    }

    /** Null where there is no /proc (not Linux) or no such process. */
    static Target of(String pid) {
        String status = read(PROC.resolve(pid).resolve("status"));
        return status.isEmpty() ? null : new Target(pid, status);
    }

    static boolean hasProc() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** True when the JVM lives in another PID namespace (a container), so its own pid differs. */
    boolean namespaced() {
        return !nsPid.equals(pid);
    }

    /** A path as the target sees it, reached from here: /proc/&lt;pid&gt;/root/&lt;path&gt;. */
    Path inside(String absolutePath) {
        return PROC.resolve(pid).resolve("root").resolve(absolutePath.substring(1));
    }

    /** The JVM's attach socket, /tmp/.java_pid&lt;nspid&gt; in its own file system. */
    Path socket() {
        return inside("/tmp/.java_pid" + nsPid);
    }

    /** "4242" or "4242 (pid 1 in its namespace)" */
    String describe() {
        return namespaced() ? pid + " (pid " + nsPid + " in its namespace)" : pid;
    }

    static int currentUid() {
        Target self = of("self");
        return self == null ? -1 : self.uid;
    }

    private static boolean sameLink(String pid, String link) {
        try {
            return Files.readSymbolicLink(PROC.resolve("self").resolve(link))
                    .equals(Files.readSymbolicLink(PROC.resolve(pid).resolve(link)));
        } catch (IOException | RuntimeException e) {
            return true; // not allowed to look: treat as the same, the attach then says what fails
        }
    }

    private static int effective(String ids) {
        if (ids == null) {
            return -1;
        }
        String[] words = ids.trim().split("\\s+");
        return Integer.parseInt(words.length > 1 ? words[1] : words[0]);
    }

    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), Charset.defaultCharset());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
