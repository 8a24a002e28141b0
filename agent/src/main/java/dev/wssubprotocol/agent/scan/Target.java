package dev.wssubprotocol.agent.scan;

import dev.wssubprotocol.agent.patch.Patch;
import dev.wssubprotocol.agent.patch.Patches;
import dev.wssubprotocol.agent.weave.NotStrict;
import dev.wssubprotocol.agent.weave.ShapeMismatch;
import dev.wssubprotocol.agent.weave.Weaver;
import org.objectweb.asm.ClassReader;
import dev.wssubprotocol.agent.weave.ClassInfo;
import dev.wssubprotocol.agent.weave.ClassSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which classes are patch targets, and the agent's own shape check run on one found in an archive.
 * <p>
 * A class is found by its name as the agent matches it at run time ({@link Patch#prefixOf}), read from the class
 * file itself, so a relocated copy is found under any prefix and wherever its class root is (BOOT-INF/classes/,
 * WEB-INF/classes/). Whether the agent fixes it is decided by {@link Weaver#checkShape}, the check the agent runs
 * before patching, against the classes of the same archive (and the JDK's).
 */
final class Target {
    private static final ClassSource JDK = ClassSource.of(null);

    private Target() {
    }

    /** The package root of a patch's library: its relocation root, or the first two package names of its class. */
    static String libraryRoot(Patch patch) {
        if (patch.relocatableRoot() != null) {
            return patch.relocatableRoot();
        }
        String internal = internalName(patch);
        int first = internal.indexOf('/');
        int second = first < 0 ? -1 : internal.indexOf('/', first + 1);
        return second < 0 ? internal.substring(0, first + 1) : internal.substring(0, second + 1);
    }

    /** A class file of a patched library, relocated or not, under any class root: kept for the shape check. */
    static boolean isLibraryClass(String path) {
        for (Patch patch : Patches.ALL) {
            String root = libraryRoot(patch);
            if (path.startsWith(root) || path.contains("/" + root)) {
                return true;
            }
        }
        return false;
    }

    /** A class file whose path ends like a patch target's: its own name is read from it later. */
    static boolean isCandidate(String path) {
        String name = path.substring(0, path.length() - ".class".length());
        for (Patch patch : Patches.ALL) {
            if (endsWithName(name, internalName(patch))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the finding for this class file, or null when it is not a target after all (its own name does not
     *         match where it sits, or it is a multi-release variant under META-INF/)
     * @throws IllegalArgumentException when it is not a readable class file
     */
    static Finding inspect(Unit unit, String path, List<Unit> all) {
        String name;
        try {
            name = new ClassReader(unit.classFile(path)).getClassName();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file (" + e + ")", e);
        }
        if (!path.equals(name + ".class") && !path.endsWith("/" + name + ".class")) {
            return null;
        }
        String root = path.substring(0, path.length() - (name + ".class").length());
        if (root.startsWith("META-INF/")) {
            return null;
        }
        for (Patch patch : Patches.ALL) {
            String internal = internalName(patch);
            if (endsWithName(name, internal)) {
                return inspect(unit, root, name, patch, internal, all);
            }
        }
        return null;
    }

    private static Finding inspect(Unit unit, String root, String name, Patch patch, String internal,
                                   List<Unit> all) {
        String prefix = patch.prefixOf(name);
        String location = root.isEmpty() ? unit.location
                : unit.location + unit.separator + root.substring(0, root.length() - 1);
        String version = unit.version(root, libraryRoot(patch), prefix != null ? prefix
                : name.substring(0, name.length() - internal.length()), internal);
        String className = name.replace('/', '.');
        if (prefix == null) {
            return new Finding(Finding.Outcome.NOT_FIXED, patch.id(), version, className, location,
                    "a relocated copy; the agent patches " + patch.typeName() + " under that name only");
        }
        String how = "patch " + patch.id() + (prefix.isEmpty() ? "" : ", relocated copy");
        List<String> missing = new ArrayList<String>();
        InScan source = new InScan(unit, root, all, missing);
        try {
            byte[] advice = Weaver.advice(patch, prefix, Target.class.getClassLoader());
            Weaver.checkShape(patch, prefix, ClassInfo.of(source.find(name)), advice, source);
            return new Finding(Finding.Outcome.FIXED, patch.id(), version, className, location, how);
        } catch (NotStrict notStrict) {
            return new Finding(Finding.Outcome.NOT_NEEDED, patch.id(), version, className, location,
                    notStrict.getMessage());
        } catch (ShapeMismatch | RuntimeException mismatch) {
            // RuntimeException: a class file ASM could not read
            if (!missing.isEmpty()) {
                return new Finding(Finding.Outcome.UNCHECKED, patch.id(), version, className, location,
                        "the check needs " + missing.get(0) + ", which is in none of the scanned paths;"
                                + " scan this together with the rest of the application");
            }
            return new Finding(Finding.Outcome.NOT_FIXED, patch.id(), version, className, location,
                    mismatch instanceof ShapeMismatch ? mismatch.getMessage() : "the check failed (" + mismatch + ")");
        } catch (IOException agentJar) {
            throw new IllegalStateException(agentJar.getMessage(), agentJar);
        }
    }

    private static String internalName(Patch patch) {
        return patch.typeName().replace('.', '/');
    }

    private static boolean endsWithName(String name, String internal) {
        return name.equals(internal) || name.endsWith("/" + internal);
    }

    /**
     * Classes from the target's own unit, under its class root; then from the other units of the same top-level
     * path, then of the other paths (at their root); then the JDK's. Records the names found nowhere.
     */
    private static final class InScan extends ClassSource {
        private final Unit unit;
        private final String root;
        private final List<Unit> all;
        private final List<String> missing;

        InScan(Unit unit, String root, List<Unit> all, List<String> missing) {
            this.unit = unit;
            this.root = root;
            this.all = all;
            this.missing = missing;
        }

        @Override
        public byte[] find(String name) throws IOException {
            String path = name + ".class";
            byte[] bytes = unit.classFile(root + path);
            for (int i = 0; bytes == null && i < all.size(); i++) {
                bytes = all.get(i).path.equals(unit.path) ? all.get(i).classFile(path) : null;
            }
            for (int i = 0; bytes == null && i < all.size(); i++) {
                bytes = all.get(i).classFile(path);
            }
            if (bytes == null) {
                bytes = JDK.find(name);
            }
            if (bytes == null) {
                missing.add(name.replace('/', '.'));
            }
            return bytes;
        }
    }
}
