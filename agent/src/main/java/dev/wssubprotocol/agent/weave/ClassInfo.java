package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A class file's header, fields and method signatures (no code): what the shape check and the inliner look up. */
public final class ClassInfo {
    final String name;
    final String superName;
    final String[] interfaces;
    final int version;
    /** field name -> descriptor, and name -> access flags */
    final Map<String, String> fields = new HashMap<String, String>();
    final Map<String, Integer> fieldAccess = new HashMap<String, Integer>();
    /** {name, descriptor} of every method, with its access flags at the same index */
    final List<String[]> methods = new ArrayList<String[]>();
    final List<Integer> methodAccess = new ArrayList<Integer>();
    private byte[] classfile;

    private ClassInfo(String name, String superName, String[] interfaces, int version) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces == null ? new String[0] : interfaces;
        this.version = version;
    }

    public static ClassInfo of(byte[] classfile) {
        final ClassInfo[] info = new ClassInfo[1];
        new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                info[0] = new ClassInfo(name, superName, interfaces, version & 0xFFFF);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                info[0].fields.put(name, descriptor);
                info[0].fieldAccess.put(name, access);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                info[0].methods.add(new String[] {name, descriptor});
                info[0].methodAccess.add(access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        info[0].classfile = classfile;
        return info[0];
    }

    /** Whether the method's code reads the field of this class (getfield or getstatic). */
    boolean reads(final String method, final String descriptor, final String field) {
        final boolean[] found = new boolean[1];
        new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String signature, String[] exceptions) {
                if (!n.equals(method) || !d.equals(descriptor)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                        if ((opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) && owner.equals(name)
                                && fieldName.equals(field)) {
                            found[0] = true;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /** The binary name, e.g. "io.netty.Foo". */
    public String className() {
        return name.replace('/', '.');
    }
}
