package dev.wssubprotocol.agent.scan;

/**
 * How much of one top-level path the scan reads, so that a zip bomb (archives nested without end, a small entry
 * that inflates to gigabytes, millions of entries) costs a bounded amount of time and memory. Exceeding a limit
 * is reported as an error for the entry where it happened, and the scan goes on with what it can still read.
 */
final class Limits {
    static final long MIB = 1024L * 1024;
    static final Limits DEFAULT = new Limits(4, 64 * MIB, 1024 * MIB, 256 * MIB, 500000);

    /** Archives inside archives: a path's own archive is depth 0, an archive inside it depth 1, and so on. */
    final int depth;
    /** Uncompressed bytes of one entry that the scan holds in memory (a class file, a manifest, ...). */
    final long entryBytes;
    /** Uncompressed bytes read from all entries of one top-level path, at every nesting level. */
    final long totalBytes;
    /** Library class files held for the shape check, for the whole scan (all paths). */
    final long heldBytes;
    /** Entries (files in archives and directories) of one top-level path, at every nesting level. */
    final long entries;

    Limits(int depth, long entryBytes, long totalBytes, long heldBytes, long entries) {
        this.depth = depth;
        this.entryBytes = entryBytes;
        this.totalBytes = totalBytes;
        this.heldBytes = heldBytes;
        this.entries = entries;
    }

    static String bytes(long n) {
        if (n >= MIB * 1024 && n % (MIB * 1024) == 0) {
            return n / (MIB * 1024) + " GiB";
        }
        if (n >= MIB && n % MIB == 0) {
            return n / MIB + " MiB";
        }
        return n + " bytes";
    }
}
