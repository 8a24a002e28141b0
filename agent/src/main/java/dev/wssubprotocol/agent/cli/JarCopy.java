package dev.wssubprotocol.agent.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The agent jar where a JVM can read it: /tmp/ws-subprotocol-agent-&lt;first 16 hex digits of its SHA-256&gt;.jar in
 * the JVM's own file system (a container's /tmp, reached through /proc/&lt;pid&gt;/root), readable by every user.
 * A JVM that loaded the jar keeps reading it, so a copy is never deleted; a later attach of the same jar reuses it.
 * A file of that name is reused only when it is a regular file (not a link) of this command's user or root with
 * exactly this content; anything else there is refused, since another user could have put it there.
 */
final class JarCopy {
    private JarCopy() {
    }

    /** @return the copy's path as the JVM sees it */
    static String into(Target target, String jar) throws Failure {
        return "/tmp/" + copy(target.inside("/tmp"), jar).getFileName();
    }

    /** Copies (or finds) the jar in {@code dir}, a /tmp as this command reaches it; returns the copy. */
    static Path copy(Path dir, String jar) throws Failure {
        byte[] content;
        try {
            content = Files.readAllBytes(Paths.get(jar));
        } catch (IOException e) {
            throw new Failure("cannot read the agent jar " + jar + ": " + e);
        }
        Path copy = dir.resolve(Cli.NAME + "-" + sha256(content).substring(0, 16) + ".jar");
        if (!Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path temp = Files.createTempFile(dir, "." + Cli.NAME + "-", ".tmp");
                try {
                    Files.write(temp, content);
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
                    Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another attach was faster: checked below like any existing copy
            } catch (IOException e) {
                throw new Failure("cannot copy the agent jar into " + dir + ": " + e + "; copy it to a place the JVM"
                        + " can read and run this command from there");
            }
        }
        try {
            int owner = (Integer) Files.getAttribute(copy, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)
                    || (owner != 0 && owner != Target.currentUid())
                    || !Arrays.equals(content, Files.readAllBytes(copy))) {
                throw new Failure(copy + " exists but is not a copy of " + jar + " made by this user or root;"
                        + " remove it and run the command again");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new Failure("cannot check " + copy + ": " + e);
        }
        return copy;
    }

    private static String sha256(byte[] content) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(content)) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
