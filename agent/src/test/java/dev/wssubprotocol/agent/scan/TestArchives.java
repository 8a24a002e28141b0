package dev.wssubprotocol.agent.scan;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test archives built in the test: zips from name/bytes maps, real library jars, and classes made with ASM. */
final class TestArchives {
    private TestArchives() {
    }

    /** The jar a class of the test class path comes from (the libraries the advice compiles against). */
    static File jarOf(Class<?> type) throws Exception {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** All entries of a zip, in order, directories left out. */
    static Map<String, byte[]> entries(File zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<String, byte[]>();
        ZipFile file = new ZipFile(zip);
        try {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    InputStream in = file.getInputStream(entry);
                    entries.put(entry.getName(), read(in));
                    in.close();
                }
            }
        } finally {
            file.close();
        }
        return entries;
    }

    /** A zip of these entries; nested archives (.jar, .war) are stored uncompressed, as Spring Boot does. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream out = new ZipOutputStream(bytes);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey());
            if (e.getKey().endsWith(".jar") || e.getKey().endsWith(".war")) {
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCrc(crc.getValue());
            }
            out.putNextEntry(entry);
            out.write(e.getValue());
            out.closeEntry();
        }
        out.close();
        return bytes.toByteArray();
    }

    static Map<String, byte[]> map(Object... nameThenBytes) {
        Map<String, byte[]> map = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            map.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return map;
    }

    static File write(File file, byte[] bytes) throws IOException {
        OutputStream out = new FileOutputStream(file);
        try {
            out.write(bytes);
        } finally {
            out.close();
        }
        return file;
    }

    static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Every class of the jar moved from {@code root} to {@code prefix + root}, as the Maven Shade plugin does. */
    static Map<String, byte[]> relocate(Map<String, byte[]> jar, final String root, final String prefix) {
        Map<String, byte[]> moved = new LinkedHashMap<String, byte[]>();
        for (Map.Entry<String, byte[]> e : jar.entrySet()) {
            if (!e.getKey().endsWith(".class")) {
                moved.put(e.getKey(), e.getValue());
                continue;
            }
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(e.getValue()).accept(new ClassRemapper(writer, new Remapper() {
                @Override
                public String map(String internalName) {
                    return internalName.startsWith(root) ? prefix + internalName : internalName;
                }
            }), 0);
            moved.put(e.getKey().startsWith(root) ? prefix + e.getKey() : e.getKey(), writer.toByteArray());
        }
        return moved;
    }

    /**
     * A class with one method of this name and descriptor, and String fields of these names, which the method reads
     * (as a strict handshaker reads expectedSubprotocol).
     */
    static byte[] fakeClass(String internalName, String method, String descriptor, String... fields) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, internalName, null,
                "java/lang/Object", null);
        for (String field : fields) {
            writer.visitField(Opcodes.ACC_PRIVATE, field, "Ljava/lang/String;", null, null).visitEnd();
        }
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, method, descriptor, null, null);
        m.visitCode();
        for (String field : fields) {
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitFieldInsn(Opcodes.GETFIELD, internalName, field, "Ljava/lang/String;");
            m.visitInsn(Opcodes.POP);
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(1, 3);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
