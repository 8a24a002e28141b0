package dev.wssubprotocol.agent.scan;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads the paths given to {@code scan}: archives on disk with {@link ZipFile} (only the entries the scan needs
 * are read), archives inside them from the stream, without temporary files, and directory trees. Every entry
 * that cannot be read, and every limit that is reached, becomes one error for that entry, and the scan goes on:
 * with the next entry where the archive allows random access, else with the next archive or path.
 */
final class Reader {
    interface Listener {
        void found(Finding finding);

        void error(String location, String message);
    }

    private final Limits limits;
    private final Listener listener;
    /** Every archive and directory read that holds library classes, in the order read. */
    private final List<Unit> units = new ArrayList<Unit>();
    private long held;
    /** The top-level path being read. */
    private String path;
    int archives;
    int classFiles;

    Reader(Limits limits, Listener listener) {
        this.limits = limits;
        this.listener = listener;
    }

    /** What one top-level path has used of its limits. */
    private static final class Budget {
        long bytes;
        long entries;
    }

    /** A path-wide limit was reached: the rest of the top-level path is not read. */
    private static final class PathLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String location;

        PathLimit(String location, String message) {
            super(message, null, false, false);
            this.location = location;
        }
    }

    /** One entry is larger than the scan holds in memory. */
    private static final class EntryTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        EntryTooLarge(String message) {
            super(message);
        }
    }

    void scan(String path) {
        this.path = path;
        Budget budget = new Budget();
        try {
            File file = new File(path);
            if (Files.isDirectory(file.toPath())) {
                String location = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                Unit unit = new Unit(path, location, "/", null);
                try {
                    walk(file, "", unit, budget);
                } finally {
                    finish(unit);
                }
            } else if (!file.exists()) {
                listener.error(path, "no such file or directory");
            } else {
                file(file, path, budget);
            }
        } catch (PathLimit limit) {
            listener.error(limit.location, limit.getMessage() + "; the rest of " + path + " was not read");
        }
    }

    private void walk(File dir, String relative, Unit unit, Budget budget) {
        String[] names = dir.list();
        if (names == null) {
            listener.error(join(unit.location, relative), "cannot list this directory");
            return;
        }
        Arrays.sort(names);
        for (String name : names) {
            File child = new File(dir, name);
            String path = relative + name;
            String location = unit.location + "/" + path;
            countEntry(budget, location);
            if (Files.isDirectory(child.toPath(), LinkOption.NOFOLLOW_LINKS)) {
                walk(child, path + "/", unit, budget);
            } else if (isArchive(name)) {
                file(child, location, budget);
            } else {
                countClass(path);
                if (Unit.wants(path)) {
                    try {
                        InputStream in = new FileInputStream(child);
                        try {
                            keep(unit, path, in, location, budget);
                        } finally {
                            in.close();
                        }
                    } catch (IOException e) {
                        listener.error(location, describe(e));
                    }
                }
            }
        }
    }

    /** An archive on disk: random access, so one bad entry costs only that entry. */
    private void file(File file, String location, Budget budget) {
        if (!file.canRead()) {
            listener.error(location, "cannot be read (permission denied)");
            return;
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file);
        } catch (IOException | RuntimeException e) {
            listener.error(location, notAZip(file, e));
            return;
        }
        archives++;
        Unit unit = new Unit(path, location, "!/", file.getName());
        try {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryLocation = location + "!/" + entry.getName();
                countEntry(budget, entryLocation);
                if (entry.isDirectory()) {
                    continue;
                }
                try {
                    InputStream in = null;
                    try {
                        if (isArchive(entry.getName()) || Unit.wants(entry.getName())) {
                            in = zip.getInputStream(entry);
                        }
                        entry(unit, entry.getName(), in, 0, budget);
                    } finally {
                        if (in != null) {
                            in.close();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (e instanceof PathLimit) {
                        throw (PathLimit) e;
                    }
                    listener.error(entryLocation, describe(e));
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof PathLimit) {
                throw e;
            }
            listener.error(location, "corrupt zip archive (" + message(e) + "); the rest of it was not read");
        } finally {
            close(zip);
            finish(unit);
        }
    }

    /**
     * An archive inside an archive, read from its stream. The entries come one after the other; an entry that
     * cannot be read, or is over the limit, ends the reading of this archive (the rest cannot be reached).
     */
    private void nested(InputStream raw, String location, int depth, Budget budget) {
        InputStream in = new BufferedInputStream(new FilterInputStream(raw) {
            @Override
            public void close() {
                // the parent's stream stays open: the parent archive goes on after this one
            }
        });
        String at = location;
        ZipInputStream zip = null;
        Unit unit = null;
        try {
            String notZip = notAZip(in);
            if (notZip != null) {
                listener.error(location, notZip);
                return;
            }
            archives++;
            zip = new ZipInputStream(in);
            unit = new Unit(path, location, "!/", location.substring(location.lastIndexOf('/') + 1));
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                at = location + "!/" + entry.getName();
                countEntry(budget, at);
                if (!entry.isDirectory()) {
                    entry(unit, entry.getName(), zip, depth, budget);
                }
                drain(zip, budget, at);
                at = location;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PathLimit) {
                throw (PathLimit) e;
            }
            listener.error(at, describe(e) + (at.equals(location) ? "" : "; the rest of " + location
                    + " was not read"));
        } finally {
            close(zip);
            if (unit != null) {
                finish(unit);
            }
        }
    }

    /** One entry of an archive at {@code depth}: a nested archive, a kept entry, or nothing the scan needs. */
    private void entry(Unit unit, String name, InputStream in, int depth, Budget budget) throws IOException {
        String location = unit.location + "!/" + name;
        if (isArchive(name)) {
            if (depth + 1 > limits.depth) {
                listener.error(location, "an archive nested " + (depth + 1) + " deep, over the limit of "
                        + limits.depth + "; not read");
            } else {
                nested(in, location, depth + 1, budget);
            }
            return;
        }
        countClass(name);
        if (Unit.wants(name)) {
            keep(unit, name, in, location, budget);
        }
    }

    private void keep(Unit unit, String path, InputStream in, String location, Budget budget) throws IOException {
        byte[] bytes = read(in, location, budget);
        if (path.endsWith(".class")) {
            held += bytes.length;
            if (held > limits.heldBytes) {
                held -= bytes.length;
                throw new PathLimit(location, "more than " + Limits.bytes(limits.heldBytes)
                        + " of library class files, the limit for one scan");
            }
        }
        unit.add(path, bytes);
    }

    private byte[] read(InputStream in, String location, Budget budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            count(budget, n, location);
            if (out.size() + n > limits.entryBytes) {
                throw new EntryTooLarge("more than " + Limits.bytes(limits.entryBytes)
                        + " uncompressed, the limit for one entry");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The rest of a streamed entry, counted: a zip bomb that the scan skips still has to be inflated. */
    private void drain(InputStream in, Budget budget, String location) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            count(budget, n, location);
        }
    }

    private void count(Budget budget, long n, String location) {
        budget.bytes += n;
        if (budget.bytes > limits.totalBytes) {
            throw new PathLimit(location, "more than " + Limits.bytes(limits.totalBytes)
                    + " uncompressed in all, the limit for one path");
        }
    }

    private void countEntry(Budget budget, String location) {
        if (++budget.entries > limits.entries) {
            throw new PathLimit(location, "more than " + limits.entries + " entries, the limit for one path");
        }
    }

    private void countClass(String name) {
        if (name.endsWith(".class")) {
            classFiles++;
        }
    }

    /** A unit that has been read, as far as it could be: kept when it holds library classes. */
    private void finish(Unit unit) {
        if (unit.held() > 0) {
            units.add(unit);
        }
    }

    /**
     * Runs the shape check on every target found, once all paths are read: a class the check needs is looked up
     * in the target's own archive first, then in the rest of the same path (a library split over the jars of a fat
     * jar or a lib directory), then in the other paths.
     */
    void report() {
        for (Unit unit : units) {
            for (String path : unit.candidates()) {
                try {
                    Finding finding = Target.inspect(unit, path, units);
                    if (finding != null) {
                        listener.found(finding);
                    }
                } catch (IllegalArgumentException e) {
                    listener.error(unit.location + unit.separator + path, e.getMessage());
                }
            }
        }
    }

    static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear") || lower.endsWith(".zip");
    }

    /** Why an archive on disk could not be opened, in words: not a zip at all, or a broken one. */
    private static String notAZip(File file, Exception e) {
        if (file.length() == 0) {
            return "an empty file, not a zip archive";
        }
        try {
            InputStream in = new FileInputStream(file);
            try {
                String notZip = notAZip(new BufferedInputStream(in));
                if (notZip != null) {
                    return notZip;
                }
            } finally {
                in.close();
            }
        } catch (IOException unreadable) {
            return describe(unreadable);
        }
        return "a truncated or corrupt zip archive (" + message(e) + ")";
    }

    /** @return why the stream is not a zip archive, or null when it starts like one (the stream is reset) */
    private static String notAZip(InputStream in) throws IOException {
        in.mark(4);
        byte[] magic = new byte[4];
        int n = 0;
        for (int r; n < 4 && (r = in.read(magic, n, 4 - n)) > 0; ) {
            n += r;
        }
        in.reset();
        if (n == 0) {
            return "empty, not a zip archive";
        }
        boolean zip = n == 4 && magic[0] == 'P' && magic[1] == 'K'
                && (magic[2] == 3 && magic[3] == 4 || magic[2] == 5 && magic[3] == 6);
        return zip ? null : "not a zip archive (it does not start with a zip header)";
    }

    static String describe(Exception e) {
        if (e instanceof EntryTooLarge) {
            return e.getMessage();
        }
        if (e instanceof EOFException) {
            return "truncated (" + message(e) + ")";
        }
        if (e instanceof ZipException || e instanceof IllegalArgumentException) {
            return "corrupt (" + message(e) + ")";
        }
        if (e instanceof AccessDeniedException || e instanceof java.io.FileNotFoundException
                && String.valueOf(e.getMessage()).contains("Permission denied")) {
            return "cannot be read (permission denied)";
        }
        return "cannot be read (" + e + ")";
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    private static String join(String location, String relative) {
        return relative.isEmpty() ? location : location + "/" + relative.substring(0, relative.length() - 1);
    }

    private static void close(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // nothing was written
            }
        }
    }
}
