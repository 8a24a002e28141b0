package dev.wssubprotocol.agent.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What one library patch declares: the class and the exact method it changes, and the advice that is inlined
 * into that method. Plain data, no Byte Buddy types: the gate reads it for every class the JVM loads.
 * <p>
 * The shape check needs no list of its own: before weaving, every library member that the advice uses (its
 * {@code @FieldValue} fields with their types, and each library method it invokes) is read from the advice's
 * bytecode and looked up in the target; any difference skips the patch for that class.
 */
public final class Patch {
    private final String id;
    private final String name;
    private final String library;
    private final String typeName;
    private final String internalName;
    private final String suffix;
    private final String method;
    private final List<String> parameterTypes;
    private final String adviceClass;
    private final String relocatableRoot;

    private Patch(String id, String name, String library, String typeName, String method, List<String> parameterTypes,
                  String adviceClass, String relocatableRoot) {
        this.id = id;
        this.name = name;
        this.library = library;
        this.typeName = typeName;
        this.internalName = typeName.replace('.', '/');
        this.suffix = "/" + internalName;
        this.method = method;
        this.parameterTypes = parameterTypes;
        this.adviceClass = adviceClass;
        this.relocatableRoot = relocatableRoot;
    }

    /**
     * @param id             the name used in options, log lines and the status (e.g. "netty")
     * @param typeName       the class to patch
     * @param method         the method to patch
     * @param parameterTypes the method's exact parameter types
     * @param adviceClass    the advice, by name: it is read as bytes and never loaded by the agent
     */
    public static Patch of(String id, String typeName, String method, String[] parameterTypes, String adviceClass) {
        return new Patch(id, id, "", typeName, method,
                Collections.unmodifiableList(Arrays.asList(parameterTypes.clone())), adviceClass, null);
    }

    /**
     * A patch from parts (tests).
     *
     * @param parameters       the method's exact parameter types, separated by ", "
     * @param relocatableRoot  "" when only the library's own names are patched, else as {@link #relocatable}
     */
    public static Patch of(String id, String typeName, String method, String parameters, String adviceClass,
                           String relocatableRoot) {
        return parse(id + "|" + id + "||" + typeName + "|" + method + "|" + parameters + "|" + adviceClass + "|"
                + relocatableRoot);
    }

    /**
     * A patch from a library package's {@code PATCH} constant (see {@link Patches}): eight fields separated by '|',
     * {@code id|name|groupId:artifactId|class|method|parameter types, separated by ", "|advice class|relocatable
     * root or ""}. Read with indexOf, not String.split: no regex at start-up.
     */
    public static Patch parse(String definition) {
        String[] f = new String[8];
        int start = 0;
        for (int i = 0; i < f.length; i++) {
            int end = i == f.length - 1 ? definition.length() : definition.indexOf('|', start);
            if (end < 0) {
                throw new IllegalArgumentException("a patch has 8 fields separated by '|': " + definition);
            }
            f[i] = definition.substring(start, end);
            start = end + 1;
        }
        if (f[7].indexOf('|') >= 0) {
            throw new IllegalArgumentException("a patch has 8 fields separated by '|': " + definition);
        }
        List<String> types = new ArrayList<String>();
        for (int from = 0, end; from < f[5].length(); from = end + 2) {
            end = f[5].indexOf(", ", from);
            end = end < 0 ? f[5].length() : end;
            types.add(f[5].substring(from, end));
        }
        return new Patch(f[0], f[1], f[2], f[3], f[4], Collections.unmodifiableList(types), f[6],
                f[7].isEmpty() ? null : f[7]);
    }

    /**
     * The same patch also applies to relocated (shaded) copies of the library: a class whose name is
     * {@code <prefix>/<typeName>} is patched with the advice's references under {@code root} moved to the prefix.
     *
     * @param root the library's package root in internal form, e.g. "io/netty/"
     */
    public Patch relocatable(String root) {
        return new Patch(id, name, library, typeName, method, parameterTypes, adviceClass, root);
    }

    public String id() {
        return id;
    }

    /** The library's name as the README shows it, e.g. "Netty". */
    public String name() {
        return name;
    }

    /** The library's Maven coordinates, groupId:artifactId, e.g. "io.netty:netty-codec-http" ("" in tests). */
    public String library() {
        return library;
    }

    public String typeName() {
        return typeName;
    }

    public String method() {
        return method;
    }

    public List<String> parameterTypes() {
        return parameterTypes;
    }

    public String adviceClass() {
        return adviceClass;
    }

    /** The package root that a relocated copy moves, or null when only the original names are patched. */
    public String relocatableRoot() {
        return relocatableRoot;
    }

    /**
     * @param className a class's internal name, as the JVM hands it to a transformer
     * @return "" when it is this patch's class, the relocation prefix (ending in '/') when it is a relocated copy
     *         of it, null otherwise
     */
    public String prefixOf(String className) {
        if (className.length() < internalName.length() || !className.endsWith(internalName)) {
            return null;
        }
        if (className.length() == internalName.length()) {
            return "";
        }
        if (relocatableRoot == null || !className.endsWith(suffix)) {
            return null;
        }
        return className.substring(0, className.length() - internalName.length());
    }

    @Override
    public String toString() {
        return id + " (" + typeName + "#" + method + parameterTypes + ")";
    }
}
