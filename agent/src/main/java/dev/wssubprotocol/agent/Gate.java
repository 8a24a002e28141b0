package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.patch.Patch;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * The agent's one transformer. It sees every class the JVM loads and stops almost all of them after a few string
 * comparisons; it holds no Byte Buddy type, so Byte Buddy is loaded only when a target class actually appears.
 */
final class Gate implements ClassFileTransformer {
    private final Patch[] patches;

    Gate(List<Patch> patches) {
        this.patches = patches.toArray(new Patch[0]);
    }

    /** @return the patch for this class and its relocation prefix, or null: the same test for loads and retransforms */
    Object[] match(String className) {
        for (Patch patch : patches) {
            String prefix = patch.prefixOf(className);
            if (prefix != null) {
                return new Object[] {patch, prefix};
            }
        }
        return null;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classfile) {
        if (className == null) {
            return null;
        }
        Object[] match = match(className);
        if (match == null) {
            return null;
        }
        try {
            return Weaving.weave((Patch) match[0], (String) match[1], loader, className, domain, classfile);
        } catch (Throwable t) {
            Log.failure("could not patch " + className.replace('/', '.') + " for " + ((Patch) match[0]).id()
                    + ", left unchanged", t);
            return null;
        }
    }
}
