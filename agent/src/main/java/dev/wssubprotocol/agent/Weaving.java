package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.weave.NotStrict;
import dev.wssubprotocol.agent.weave.ShapeMismatch;
import dev.wssubprotocol.agent.weave.WeaveRejected;
import dev.wssubprotocol.agent.weave.Weaver;

import java.io.File;
import java.net.URL;
import java.security.AccessController;
import java.security.CodeSource;
import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.security.ProtectionDomain;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Between the gate and the weaver: the first class that touches ASM, and the log and status lines. */
final class Weaving {
    private static final Pattern VERSION_IN_FILE_NAME = Pattern.compile("-(\\d[\\w.-]*)\\.jar$");

    private Weaving() {
    }

    static byte[] weave(Patch patch, String prefix, ClassLoader loader, String className, ProtectionDomain domain,
                        byte[] classfile) throws java.io.IOException {
        String name = className.replace('/', '.');
        byte[] woven;
        try {
            woven = privileged(patch, prefix, loader, classfile);
        } catch (ShapeMismatch mismatch) {
            Log.warn("skipped " + patch.id() + " for " + name + " (" + loaderName(loader) + "): "
                    + mismatch.getMessage() + "; class left unchanged");
            return null;
        } catch (NotStrict notStrict) {
            String version = libraryVersion(domain);
            Log.info("not needed for " + name + " (" + loaderName(loader)
                    + (version == null ? "" : ", version " + version) + "): " + notStrict.getMessage()
                    + "; class left unchanged");
            return null;
        } catch (WeaveRejected rejected) {
            Log.warn("not patched " + patch.id() + " for " + name + " (" + loaderName(loader) + "): "
                    + rejected.getMessage() + "; class left unchanged");
            Status.rejected(patch.id(), name, loaderName(loader));
            return null;
        }
        // the bytes are final: checked, and returned to the JVM just below
        String version = libraryVersion(domain);
        Log.info("patched " + patch.id() + ": " + name + " (loader: " + loaderName(loader)
                + (version == null ? "" : ", version " + version) + ")");
        Status.patched(patch.id(), name, loaderName(loader));
        return woven;
    }

    /**
     * The weave with the agent's own permissions: under a security manager, the thread that loads the class may run
     * application code that may not read the library's jar (the shape check reads class files from its loader).
     */
    private static byte[] privileged(final Patch patch, final String prefix, final ClassLoader loader,
                                     final byte[] classfile) throws ShapeMismatch, NotStrict, WeaveRejected,
            java.io.IOException {
        try {
            return AccessController.doPrivileged(new PrivilegedExceptionAction<byte[]>() {
                @Override
                public byte[] run() throws Exception {
                    return Weaver.weave(patch, prefix, loader, classfile, Weaving.class.getClassLoader());
                }
            });
        } catch (PrivilegedActionException e) {
            Exception cause = e.getException();
            if (cause instanceof ShapeMismatch) {
                throw (ShapeMismatch) cause;
            } else if (cause instanceof NotStrict) {
                throw (NotStrict) cause;
            } else if (cause instanceof WeaveRejected) {
                throw (WeaveRejected) cause;
            } else if (cause instanceof java.io.IOException) {
                throw (java.io.IOException) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    static String loaderName(ClassLoader loader) {
        if (loader == null) {
            return "bootstrap";
        }
        if (loader == ClassLoader.getSystemClassLoader()) {
            return "system";
        }
        return loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
    }

    /** The library's version from its jar's manifest, or null when it is not known. */
    private static String libraryVersion(final ProtectionDomain domain) {
        try {
            // privileged: the thread that loads the class may run application code without file permissions
            return AccessController.doPrivileged(new PrivilegedAction<String>() {
                @Override
                public String run() {
                    return versionOf(domain);
                }
            });
        } catch (SecurityException e) {
            return null;
        }
    }

    private static String versionOf(ProtectionDomain domain) {
        try {
            CodeSource source = domain == null ? null : domain.getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol()) || !location.getPath().endsWith(".jar")) {
                return null;
            }
            File file = new File(location.toURI());
            JarFile jar = new JarFile(file);
            try {
                Manifest manifest = jar.getManifest();
                Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
                String version = main.getValue("Implementation-Version");
                if (version == null) {
                    version = main.getValue("Bundle-Version");
                }
                if (version == null) {
                    Matcher m = VERSION_IN_FILE_NAME.matcher(file.getName());
                    version = m.find() ? m.group(1) : null;
                }
                return version;
            } finally {
                jar.close();
            }
        } catch (Exception e) {
            return null;
        }
    }
}
