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
    private final String typeName;
    private final String internalName;
    private final String suffix;
    private final String method;
    private final List<String> parameterTypes;
    private final String adviceClass;
    private final String relocatableRoot;

    private Patch(String id, String typeName, String method, List<String> parameterTypes, String adviceClass,
                  String relocatableRoot) {
        this.id = id;
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
        return new Patch(id, typeName, method, Collections.unmodifiableList(Arrays.asList(parameterTypes.clone())),
                adviceClass, null);
    }

    /**
     * A patch from a library package's compile-time constants (see {@link Patches}).
     *
     * @param parameters       the method's exact parameter types, separated by ", "
     * @param relocatableRoot  "" when only the library's own names are patched, else as {@link #relocatable}
     */
    public static Patch of(String id, String typeName, String method, String parameters, String adviceClass,
                           String relocatableRoot) {
        List<String> types = new ArrayList<String>();
        for (int start = 0, end; start < parameters.length(); start = end + 2) { // no String.split: no regex at start-up
            end = parameters.indexOf(", ", start);
            end = end < 0 ? parameters.length() : end;
            types.add(parameters.substring(start, end));
        }
        Patch patch = of(id, typeName, method, types.toArray(new String[0]), adviceClass);
        return relocatableRoot.isEmpty() ? patch : patch.relocatable(relocatableRoot);
    }

    /**
     * The same patch also applies to relocated (shaded) copies of the library: a class whose name is
     * {@code <prefix>/<typeName>} is patched with the advice's references under {@code root} moved to the prefix.
     *
     * @param root the library's package root in internal form, e.g. "io/netty/"
     */
    public Patch relocatable(String root) {
        return new Patch(id, typeName, method, parameterTypes, adviceClass, root);
    }

    public String id() {
        return id;
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
