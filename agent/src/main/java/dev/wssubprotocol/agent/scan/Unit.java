package dev.wssubprotocol.agent.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scan keeps of one archive, or of one directory tree: the class files of the patched libraries (for the
 * shape check, which looks up the classes the advice uses in the same archive), the paths of the classes named
 * like a patch target, and the metadata that tells a library's version. Paths are the entries' names, '/'-separated.
 */
final class Unit {
    private static final Pattern VERSION_IN_FILE_NAME = Pattern.compile("-(\\d[\\w.-]*)\\.(?:jar|war|ear|zip)$");

    /** The top-level path it was found in, as given to the scan. */
    final String path;
    /** Where it is, as printed: "app.jar", "app.jar!/BOOT-INF/lib/x.jar", or a directory. */
    final String location;
    /** "!/" inside an archive, "/" inside a directory. */
    final String separator;
    /** The archive's own file name, for a version in it; null for a directory. */
    private final String fileName;

    private final Map<String, byte[]> classes = new HashMap<String, byte[]>();
    private final List<String> candidates = new ArrayList<String>();
    private final Map<String, byte[]> metadata = new LinkedHashMap<String, byte[]>();
    private long held;

    Unit(String path, String location, String separator, String fileName) {
        this.path = path;
        this.location = location;
        this.separator = separator;
        this.fileName = fileName;
    }

    /** Whether the scan keeps this entry: a class file of a patched library, or version metadata. */
    static boolean wants(String path) {
        if (path.endsWith(".class")) {
            return Target.isLibraryClass(path);
        }
        return path.endsWith("META-INF/MANIFEST.MF")
                || path.contains("META-INF/maven/") && path.endsWith("/pom.properties")
                || path.contains("META-INF/") && path.endsWith(".versions.properties");
    }

    void add(String path, byte[] bytes) {
        if (path.endsWith(".class")) {
            if (classes.put(path, bytes) == null && Target.isCandidate(path)) {
                candidates.add(path);
            }
            held += bytes.length;
        } else {
            metadata.put(path, bytes);
        }
    }

    /** Bytes of library class files this unit holds. */
    long held() {
        return held;
    }

    List<String> candidates() {
        return candidates;
    }

    byte[] classFile(String path) {
        return classes.get(path);
    }

    /**
     * The version of the library that holds a target class, or null when nothing says it. In this order:
     * <ol>
     * <li>Netty's own file, {@code META-INF/io.netty.versions.properties}, renamed along with a relocation
     *     (grpc-netty-shaded has {@code META-INF/io.grpc.netty.shaded.io.netty.versions.properties}); the
     *     general rule is {@code META-INF/<relocation prefix><library root>versions.properties};</li>
     * <li>a {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} whose groupId is the class's package
     *     (io.netty, org.java-websocket as org.java_websocket);</li>
     * <li>for a class that is not relocated, in an archive without any pom.properties: the manifest's
     *     Implementation-Version or Bundle-Version, then a version in the archive's file name.</li>
     * </ol>
     * Metadata is looked up relative to the class's root (BOOT-INF/classes/ in a Spring Boot jar, say).
     *
     * @param prefix   the relocation prefix ("" if none)
     * @param internal the target's own internal name, without the prefix
     */
    String version(String root, String libraryRoot, String prefix, String internal) {
        String own = mostCommonVersion(properties(root + "META-INF/" + (prefix + libraryRoot).replace('/', '.')
                + "versions.properties"));
        if (own != null) {
            return own;
        }
        String best = null;
        int bestLength = -1;
        boolean anyPom = false;
        for (Map.Entry<String, byte[]> entry : metadata.entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith(root + "META-INF/maven/") || !path.endsWith("/pom.properties")) {
                continue;
            }
            anyPom = true;
            Properties pom = properties(path);
            String group = pom == null ? null : pom.getProperty("groupId");
            String version = pom == null ? null : pom.getProperty("version");
            if (group == null || version == null) {
                continue;
            }
            String packageRoot = group.replace('-', '_').replace('.', '/') + "/";
            if (internal.startsWith(packageRoot) && packageRoot.length() > bestLength) {
                best = version.trim();
                bestLength = packageRoot.length();
            }
        }
        if (best != null || anyPom || !prefix.isEmpty()) {
            return best;
        }
        byte[] manifest = metadata.get(root + "META-INF/MANIFEST.MF");
        if (manifest != null) {
            try {
                Attributes main = new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes();
                String version = main.getValue("Implementation-Version");
                if (version == null) {
                    version = main.getValue("Bundle-Version");
                }
                if (version != null && !version.trim().isEmpty()) {
                    return version.trim();
                }
            } catch (IOException | RuntimeException ignored) {
                // an unreadable manifest tells no version
            }
        }
        if (root.isEmpty() && fileName != null) {
            Matcher m = VERSION_IN_FILE_NAME.matcher(fileName);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private Properties properties(String path) {
        byte[] bytes = metadata.get(path);
        if (bytes == null) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(bytes));
            return p;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Netty lists each of its modules with the same version; a shaded copy may list several modules. */
    private static String mostCommonVersion(Properties p) {
        if (p == null) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<String, Integer>();
        String best = null;
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".version")) {
                String v = p.getProperty(key).trim();
                Integer n = counts.get(v);
                counts.put(v, n == null ? 1 : n + 1);
                if (best == null || counts.get(v) > counts.get(best)
                        || counts.get(v).equals(counts.get(best)) && v.compareTo(best) < 0) {
                    best = v;
                }
            }
        }
        return best;
    }
}
