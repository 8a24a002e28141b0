package dev.wssubprotocol.agent.weave;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * One advice method, read from the advice's class file: its kind, its settings and how each parameter is bound.
 * Reading the advice is all this does; whether the bindings fit a method is {@link Bindings}, copying the code is
 * {@link Inliner}.
 */
final class AdviceMethod {
    private static final String ADVICE = "Lnet/bytebuddy/asm/Advice$";
    private static final String ON_ENTER = ADVICE + "OnMethodEnter;";
    private static final String ON_EXIT = ADVICE + "OnMethodExit;";
    private static final String NO_HANDLER = "net/bytebuddy/asm/Advice$NoExceptionHandler";

    final String owner;
    final String name;
    final String descriptor;
    final boolean exit;
    final Binding[] parameters;
    final int[] parameterOfSlot;
    final int parameterSlots;
    final Type returnType;
    /** the caught type (internal name) or null */
    String suppress;
    String onThrowable;

    AdviceMethod(String owner, String name, String descriptor, boolean exit) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.exit = exit;
        Type[] types = Type.getArgumentTypes(descriptor);
        this.parameters = new Binding[types.length];
        int slots = 0;
        for (Type t : types) {
            slots += t.getSize();
        }
        this.parameterSlots = slots;
        this.parameterOfSlot = new int[slots];
        for (int i = 0, slot = 0; i < types.length; slot += types[i].getSize(), i++) {
            parameters[i] = new Binding();
            parameters[i].type = types[i];
            parameterOfSlot[slot] = i;
        }
        this.returnType = Type.getReturnType(descriptor);
    }

    /** @return {enter, exit}, either may be null */
    static AdviceMethod[] read(byte[] advice) {
        final AdviceMethod[] found = new AdviceMethod[2];
        new ClassReader(advice).accept(new ClassVisitor(Inliner.API) {
            String owner;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                owner = name;
            }

            @Override
            public MethodVisitor visitMethod(final int access, final String name, final String descriptor,
                                             String signature, String[] exceptions) {
                return new MethodVisitor(Inliner.API) {
                    AdviceMethod method;
                    final List<Object[]> pending = new ArrayList<Object[]>();

                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        if (!annotation.equals(ON_ENTER) && !annotation.equals(ON_EXIT)) {
                            refuseIfAdvice(annotation);
                            return null;
                        }
                        boolean exit = annotation.equals(ON_EXIT);
                        if ((access & Opcodes.ACC_STATIC) == 0 || found[exit ? 1 : 0] != null) {
                            throw Inliner.refused(name + ": advice methods must be static, one of each kind");
                        }
                        method = new AdviceMethod(owner, name, descriptor, exit);
                        found[exit ? 1 : 0] = method;
                        return new AnnotationVisitor(Inliner.API) {
                            @Override
                            public void visit(String key, Object value) {
                                String handled = ((Type) value).getInternalName();
                                handled = handled.equals(NO_HANDLER) ? null : handled;
                                if (key.equals("suppress")) {
                                    method.suppress = handled;
                                } else if (key.equals("onThrowable") && method.exit) {
                                    method.onThrowable = handled;
                                } else {
                                    throw Inliner.refused(name + ": " + key);
                                }
                            }

                            @Override
                            public void visitEnum(String key, String enumDescriptor, String value) {
                                throw Inliner.refused(name + ": " + key);
                            }

                            @Override
                            public AnnotationVisitor visitArray(String key) {
                                throw Inliner.refused(name + ": " + key);
                            }

                            @Override
                            public AnnotationVisitor visitAnnotation(String key, String annotationDescriptor) {
                                throw Inliner.refused(name + ": " + key);
                            }
                        };
                    }

                    @Override
                    public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation,
                                                                      boolean visible) {
                        if (!annotation.startsWith(ADVICE)) {
                            return null;
                        }
                        final Object[] entry = {parameter, annotation, null, null, null};
                        pending.add(entry);
                        return new AnnotationVisitor(Inliner.API) {
                            @Override
                            public void visit(String key, Object value) {
                                if (key.equals("value")) {
                                    entry[2] = value;
                                } else if (key.equals("readOnly")) {
                                    entry[3] = value;
                                } else {
                                    throw Inliner.refused(name + " parameter " + entry[0] + ": " + key);
                                }
                            }

                            @Override
                            public void visitEnum(String key, String enumDescriptor, String value) {
                                throw Inliner.refused(name + " parameter " + entry[0] + ": " + key);
                            }

                            @Override
                            public AnnotationVisitor visitArray(String key) {
                                throw Inliner.refused(name + " parameter " + entry[0] + ": " + key);
                            }
                        };
                    }

                    @Override
                    public void visitEnd() {
                        if (method == null) {
                            if (!pending.isEmpty()) {
                                throw Inliner.refused(name + ": advice parameters on a method that is no advice");
                            }
                            return;
                        }
                        for (Object[] entry : pending) {
                            bind(method, (Integer) entry[0], (String) entry[1], entry[2],
                                    entry[3] != null && !((Boolean) entry[3]));
                        }
                        for (int i = 0; i < method.parameters.length; i++) {
                            if (method.parameters[i].kind == 0) {
                                throw Inliner.refused(name + " parameter " + i + " has no advice annotation");
                            }
                        }
                        if (method.exit && method.returnType.getSort() != Type.VOID) {
                            throw Inliner.refused(name + ": an exit advice returns void");
                        }
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        if (found[0] == null && found[1] == null) {
            throw Inliner.refused("no @OnMethodEnter or @OnMethodExit method");
        }
        return found;
    }

    private static void bind(AdviceMethod method, int parameter, String annotation, Object value,
                             boolean writable) {
        Binding b = method.parameters[parameter];
        if (b.kind != 0) {
            throw Inliner.refused(method.name + " parameter " + parameter + " has two advice annotations");
        }
        String kind = annotation.substring(ADVICE.length(), annotation.length() - 1);
        if (kind.equals("This")) {
            b.kind = Binding.THIS;
        } else if (kind.equals("Argument")) {
            b.kind = Binding.ARGUMENT;
            b.index = (Integer) value;
        } else if (kind.equals("FieldValue") && value instanceof String && !((String) value).isEmpty()) {
            b.kind = Binding.FIELD;
            b.field = (String) value;
        } else if (kind.equals("Enter") && method.exit) {
            b.kind = Binding.ENTER;
        } else if (kind.equals("Return") && method.exit) {
            b.kind = Binding.RETURN;
        } else if (kind.equals("Thrown") && method.exit && method.onThrowable != null) {
            b.kind = Binding.THROWN;
        } else {
            throw Inliner.refused(method.name + " parameter " + parameter + ": @" + kind);
        }
        if (writable && b.kind != Binding.ARGUMENT && b.kind != Binding.FIELD && b.kind != Binding.THROWN) {
            throw Inliner.refused(method.name + " parameter " + parameter + ": @" + kind + " is read only");
        }
        b.writable = writable;
    }

    private static void refuseIfAdvice(String annotation) {
        if (annotation.startsWith(ADVICE)) {
            throw Inliner.refused("@" + annotation);
        }
    }
}
