package dev.wssubprotocol.agent.cli;

import net.bytebuddy.agent.VirtualMachine;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * HotSpot's attach protocol without the JDK's attach API, for a runtime without jdk.attach (a JRE, a jlink'ed
 * image) and for a JVM in another mount namespace: the command and reply framing and the system-property parsing
 * are byte-buddy-agent's ({@code VirtualMachine.ForHotSpot} over its {@code OnPersistentByteChannel}); the
 * connection is the JDK's own UNIX-domain socket channel (Java 16+, reached by reflection since this code is
 * compiled for Java 8), so there is no JNA and no native code. The attach trigger is done here and not by
 * byte-buddy-agent's {@code ForSocketFile}: that one takes a single pid for the file names, the signal and
 * /proc/&lt;pid&gt;/cwd, which for a JVM in another PID namespace are two different numbers, and it creates the
 * trigger file in the application's working directory. Here the trigger file goes into the target's /tmp only,
 * and is removed again whatever happens.
 */
final class SocketAttach {
    private static final long SOCKET_WAIT_MILLIS = 5000;
    private static final Method OPEN;
    private static final Method ADDRESS;
    private static final ProtocolFamily UNIX;

    static {
        Method open = null;
        Method address = null;
        ProtocolFamily unix = null;
        try {
            open = SocketChannel.class.getMethod("open", ProtocolFamily.class);
            address = Class.forName("java.net.UnixDomainSocketAddress").getMethod("of", Path.class);
            unix = StandardProtocolFamily.valueOf("UNIX");
        } catch (Exception | LinkageError e) {
            open = null; // before Java 16
        }
        OPEN = open;
        ADDRESS = address;
        UNIX = unix;
    }

    private SocketAttach() {
    }

    /** This runtime can open UNIX-domain sockets from Java (Java 16+) and there is a /proc to find the target. */
    static boolean available() {
        return OPEN != null && Target.hasProc();
    }

    static Vm open(Target target) throws Failure {
        try {
            return new SocketVm(VirtualMachine.ForHotSpot.attach(target.nsPid, new Factory(target)));
        } catch (Refused refused) {
            throw new Failure(refused.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new Failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Why the attach was not even tried; its message is the whole line. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static final class Factory implements VirtualMachine.ForHotSpot.Connection.Factory {
        private final Target target;

        Factory(Target target) {
            this.target = target;
        }

        @Override
        public VirtualMachine.ForHotSpot.Connection connect(String processId) throws IOException {
            Path socket = target.socket();
            if (!Files.exists(socket)) {
                startListener(target);
            }
            return new Channel(socket);
        }
    }

    /**
     * Starts the JVM's attach listener when its socket is not there yet, as {@link Factory#connect} does; used
     * before the JDK's attach API too, which would otherwise put its trigger file into the application's working
     * directory. Works on Java 8 as well (files and a signal only).
     */
    static void ensureListener(Target target) throws Failure {
        if (Files.exists(target.socket())) {
            return;
        }
        try {
            startListener(target);
        } catch (IOException e) {
            throw new Failure(e instanceof Refused ? e.getMessage() : e.toString());
        }
    }

    /**
     * HotSpot starts its attach listener on SIGQUIT when /tmp/.attach_pid&lt;pid&gt; (its own pid) exists and
     * belongs to its user (or, from JDK 11, root). A JVM that does not catch SIGQUIT (-Xrs) would be killed by
     * it: it is never signalled.
     */
    private static void startListener(Target target) throws IOException {
        Path socket = target.socket();
        if (!target.catchesSigquit) {
            throw new Refused("the JVM does not handle SIGQUIT (started with -Xrs?), so the signal that starts"
                    + " its attach listener would end it; nothing was sent; restart it without -Xrs, or with"
                    + " -javaagent:" + agentJarName());
        }
        Path trigger = target.inside("/tmp/.attach_pid" + target.nsPid);
        boolean created = false;
        try {
            try {
                Files.createFile(trigger);
                created = true;
            } catch (FileAlreadyExistsException e) {
                // another attacher's trigger: it serves this one as well, and it is theirs to remove
            }
            signal(target.pid);
            long deadline = System.currentTimeMillis() + SOCKET_WAIT_MILLIS;
            while (!Files.exists(socket) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            if (!Files.exists(socket)) {
                throw new Refused("the JVM did not open its attach socket " + socket + " within "
                        + SOCKET_WAIT_MILLIS / 1000 + " s of SIGQUIT (-XX:+DisableAttachMechanism, or an attach"
                        + " file that is not its user's?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while waiting for the JVM's attach socket");
        } finally {
            if (created) {
                Files.deleteIfExists(trigger);
            }
        }
    }

    private static String agentJarName() {
        try {
            return Cli.agentJar();
        } catch (Failure f) {
            return Cli.NAME + ".jar";
        }
    }

    /**
     * SIGQUIT to the target, by the system's own kill command (Java has no API to send a signal): /bin/kill or
     * /usr/bin/kill, never one found on a PATH.
     */
    private static void signal(String pid) throws IOException {
        for (String kill : new String[] {"/bin/kill", "/usr/bin/kill"}) {
            if (new File(kill).canExecute()) {
                Process process = new ProcessBuilder(kill, "-QUIT", pid).redirectErrorStream(true).start();
                try {
                    if (process.waitFor() != 0) {
                        throw new Refused("could not send SIGQUIT to pid " + pid + " (" + kill + " exited with "
                                + process.exitValue() + ")");
                    }
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Refused("interrupted while signalling pid " + pid);
                }
            }
        }
        throw new Refused("there is no /bin/kill or /usr/bin/kill to send SIGQUIT, which starts the JVM's attach"
                + " listener; attach from the host, or start the JVM with -XX:+StartAttachListener");
    }

    /** One command on the JVM's attach socket; HotSpot serves one command per connection. */
    private static final class Channel extends VirtualMachine.ForHotSpot.Connection.OnPersistentByteChannel<SocketChannel> {
        private final Path socket;

        Channel(Path socket) {
            this.socket = socket;
        }

        @Override
        protected SocketChannel connect() throws IOException {
            SocketChannel channel;
            try {
                channel = (SocketChannel) OPEN.invoke(null, UNIX);
                channel.connect((SocketAddress) ADDRESS.invoke(null, socket));
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
            } catch (IllegalAccessException e) {
                throw new IOException(e);
            }
            return channel;
        }

        @Override
        protected void close(SocketChannel channel) throws IOException {
            channel.close();
        }

        @Override
        protected void write(SocketChannel channel, byte[] buffer) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        protected int read(SocketChannel channel, byte[] buffer) throws IOException {
            return channel.read(ByteBuffer.wrap(buffer));
        }

        @Override
        public void close() {
            // each command opened and closed its own connection
        }
    }

    private static final class SocketVm implements Vm {
        private final VirtualMachine vm;

        SocketVm(VirtualMachine vm) {
            this.vm = vm;
        }

        @Override
        public Properties systemProperties() throws Failure {
            try {
                return vm.getSystemProperties();
            } catch (IOException | RuntimeException e) {
                throw new Failure(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        @Override
        public void loadAgent(String jar, String options) throws Failure {
            try {
                vm.loadAgent(jar, options);
            } catch (IOException | RuntimeException e) {
                throw new Failure(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                vm.detach();
            } catch (IOException | RuntimeException ignored) {
                // nothing is held open between commands
            }
        }
    }
}
