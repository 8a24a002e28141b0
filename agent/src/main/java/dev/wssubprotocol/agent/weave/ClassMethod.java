package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

/**
 * One method of a class file as a tree (frames expanded, no debug information), with its class's internal name and
 * class-file version: what the reading of the target before a weave ({@link OriginalMethod}) and the check of the
 * woven bytes ({@link Verification}) both start from.
 */
final class ClassMethod {
    /** the method, or null when the class has no method of that name and descriptor */
    final MethodNode method;
    /** the class's internal name */
    final String owner;
    /** the class-file major version */
    final int version;

    private ClassMethod(MethodNode method, String owner, int version) {
        this.method = method;
        this.owner = owner;
        this.version = version;
    }

    static ClassMethod read(byte[] classFile, final String name, final String descriptor) {
        final MethodNode[] found = new MethodNode[1];
        final String[] owner = new String[1];
        final int[] version = new int[1];
        new ClassReader(classFile).accept(new ClassVisitor(Inliner.API) {
            @Override
            public void visit(int v, int access, String n, String signature, String superName, String[] interfaces) {
                version[0] = v & 0xFFFF;
                owner[0] = n;
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String signature, String[] exceptions) {
                if (!n.equals(name) || !d.equals(descriptor)) {
                    return null;
                }
                found[0] = new MethodNode(Inliner.API, access, n, d, signature, exceptions);
                return found[0];
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.EXPAND_FRAMES);
        return new ClassMethod(found[0], owner[0], version[0]);
    }
}
