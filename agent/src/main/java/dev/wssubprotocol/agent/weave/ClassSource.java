package dev.wssubprotocol.agent.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Where the shape check reads the class files of the types an advice uses: the target's class loader, or an archive. */
public abstract class ClassSource {
    /**
     * @param internalName e.g. "io/netty/handler/codec/http/HttpHeaders"
     * @return the class file, or null when there is none
     */
    public abstract byte[] find(String internalName) throws IOException;

    /**
     * Class files as resources of a class loader. Null stands for the boot loader, read through the system
     * loader's parent (the extension loader on Java 8, the platform loader later), which sees the JDK's classes and
     * not the application's.
     */
    public static ClassSource of(ClassLoader loader) {
        final ClassLoader resources = loader != null ? loader : ClassLoader.getSystemClassLoader().getParent();
        return new ClassSource() {
            @Override
            public byte[] find(String internalName) throws IOException {
                return read(resources.getResourceAsStream(internalName + ".class"));
            }
        };
    }

    /** @return the stream's bytes, or null for a null stream; closes it */
    static byte[] read(InputStream in) throws IOException {
        if (in == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
