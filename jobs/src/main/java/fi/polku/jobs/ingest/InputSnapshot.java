package fi.polku.jobs.ingest;

import fi.polku.jobs.output.OsReason;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads an input file exactly once on the driver: copies it into the run's staging area (when a target is
 * given), computes its SHA-256 and detects its format from the same bytes. Everything after this — the
 * identity-code screen, the parse — reads the copy, so the checksum in the manifest is of the bytes actually
 * screened and parsed, whatever happens to the source meanwhile. The source's stamp (size, modification time
 * and an identity) is taken before and after the copy and again at the end of ingest; any difference is an
 * {@link InputChanged}. The identity is, on the local file system, the inode and change time (which a user cannot
 * set back); on a remote file system (hdfs://, s3a://, …), which has neither, the object's ETag when the file system
 * gives one (S3A), else its file checksum ({@code FileSystem.getFileChecksum}: HDFS's checksum of block checksums).
 * A remote file system that gives neither leaves size and modification time, which a same-size rewrite within the
 * clock's resolution passes; for such a file the end-of-ingest check reads the source again and compares its
 * SHA-256 with the bytes parsed (one more read of the input, the price of not trusting the timestamp).
 */
final class InputSnapshot {
    private static final int BUFFER = 1 << 16;

    private InputSnapshot() {
    }

    /**
     * What identifies a file's state without reading it.
     *
     * @param key the local file system's file key (device and inode) and change time, a remote file's ETag or
     *            checksum, or empty when the file system gives no identity (then {@link #identified()} is false)
     */
    record Stamp(long bytes, long modified, String key) implements Serializable {
        /** Whether the stamp identifies the content beyond size and modification time. */
        boolean identified() {
            return !key.isEmpty();
        }
    }

    /** Ranges are not cut smaller than this to balance cores: a task's start-up would outweigh its work. */
    static final long BALANCED_MIN = 8L << 20;

    /** What one read of a file gave; {@code scan} is null for a file read without a target (not to be parsed). */
    record Taken(String sha256, long bytes, FormatScan.Result scan, Stamp stamp) {
    }

    /**
     * Reads {@code source} once, copying it to {@code target} unless that is null, and noting where it can be split
     * into parse tasks of about {@code splitBytes} at most ({@link #split}). Without a target the file is not going
     * to be parsed (a command that only needs to know whether its inputs changed): only its SHA-256 and stamp are
     * taken, and the result has no format scan.
     *
     * @throws InputChanged  when the file changes or vanishes while it is read
     * @throws InputRejected when it cannot be read or (with a target) its format cannot be decided
     */
    static Taken take(Configuration hadoop, Path source, String name, Path target, long splitBytes) {
        Stamp before = stamp(hadoop, source, name);
        FormatScan scan = target == null ? null
                : new FormatScan(name, split(before.bytes(), splitBytes, Runtime.getRuntime().availableProcessors()));
        MessageDigest sha = sha256();
        long bytes = 0;
        try (InputStream in = source.getFileSystem(hadoop).open(source);
             OutputStream out = target == null ? OutputStream.nullOutputStream()
                     : target.getFileSystem(hadoop).create(target, false)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                if (scan != null) {
                    scan.accept(buffer, 0, n);
                }
                out.write(buffer, 0, n);
                bytes += n;
            }
        } catch (FileNotFoundException e) {
            throw new InputChanged(name + ": the file vanished while it was being read; nothing was published");
        } catch (IOException e) {
            throw new InputRejected(name + ": cannot be read (" + OsReason.of(e) + ")");
        }
        Stamp after = stamp(hadoop, source, name);
        if (!before.equals(after) || bytes != before.bytes()) {
            throw changed(name);
        }
        return new Taken(HexFormat.of().formatHex(sha.digest()), bytes, scan == null ? null : scan.result(), after);
    }

    /**
     * The bytes a parse task of a file of {@code bytes} takes: at most {@code splitBytes}, and less where that
     * would leave cores idle: a big file is cut into at least two ranges per core of the machine that plans the
     * run (ranges of {@link #BALANCED_MIN} or more), so one big export keeps every core busy however the last range
     * falls (64 MiB ranges of a 100 MB file on two cores were one task of 64 MB and one of 36 MB: one core waited
     * half the stage). A file under {@link #BALANCED_MIN} stays one range unless {@code splitBytes} is smaller.
     */
    static long split(long bytes, long splitBytes, int cores) {
        long balanced = Math.max(BALANCED_MIN, (bytes + 2L * cores - 1) / (2L * cores));
        return Math.min(splitBytes, balanced);
    }

    /**
     * Checks that no planned input changed since it was read.
     *
     * @throws InputChanged naming the first file that changed or vanished
     */
    static void verifyUnchanged(Configuration hadoop, List<InputFile> files) {
        for (InputFile f : files) {
            Path source = new Path(f.path());
            Stamp now;
            try {
                now = stamp(hadoop, source, f.name());
            } catch (InputChanged e) {
                throw new InputChanged(f.name() + ": the file was deleted or replaced during the run; nothing was"
                        + " published. Run again when the export is in place.");
            }
            if (!now.equals(f.stamp())) {
                throw changed(f.name());
            }
            if (!now.identified() && !sha256(hadoop, source, f.name()).equals(f.sha256())) {
                throw new InputChanged(f.name() + ": the file changed during the run (same size and modification time,"
                        + " but its SHA-256 differs from the bytes read); nothing was published. Run again when the export"
                        + " is complete.");
            }
        }
    }

    /** The SHA-256 of a source read again, for a file system whose stamp does not identify the content. */
    private static String sha256(Configuration hadoop, Path source, String name) {
        MessageDigest sha = sha256();
        try (InputStream in = source.getFileSystem(hadoop).open(source)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (FileNotFoundException e) {
            throw new InputChanged(name + ": the file vanished during the run; nothing was published");
        } catch (IOException e) {
            throw new InputRejected(name + ": cannot be read (" + OsReason.of(e) + ")");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static InputChanged changed(String name) {
        return new InputChanged(name + ": the file changed during the run (its size, modification time or identity"
                + " differ from when it was read); nothing was published. Run again when the export is complete.");
    }

    private static Stamp stamp(Configuration hadoop, Path source, String name) {
        try {
            FileSystem fs = source.getFileSystem(hadoop);
            if ("file".equals(fs.getUri().getScheme())) {
                java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(source).toUri());
                BasicFileAttributes a = Files.readAttributes(local, BasicFileAttributes.class);
                Object key = a.fileKey();
                // The change time cannot be set back by a user (unlike the modification time): it catches a copy
                // that restores the old size and timestamp.
                return new Stamp(a.size(), nanos(a.lastModifiedTime()),
                        (key == null ? "" : key.toString()) + " " + changeTime(local));
            }
            FileStatus s = fs.getFileStatus(source);
            return new Stamp(s.getLen(), s.getModificationTime(), remoteIdentity(fs, source, s));
        } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new InputChanged(name + ": the file vanished during the run; nothing was published");
        } catch (IOException e) {
            throw new InputRejected(name + ": cannot be read (" + OsReason.of(e) + ")");
        }
    }

    /** A remote file's ETag, else its file checksum, else empty (see the class comment). */
    private static String remoteIdentity(FileSystem fs, Path source, FileStatus status) throws IOException {
        if (status instanceof EtagSource e && e.getEtag() != null && !e.getEtag().isEmpty()) {
            return "etag " + e.getEtag();
        }
        FileChecksum sum = fs.getFileChecksum(source);
        return sum == null ? "" : "checksum " + sum.getAlgorithmName() + " " + HexFormat.of().formatHex(sum.getBytes());
    }

    private static long nanos(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static String changeTime(java.nio.file.Path local) {
        try {
            return String.valueOf(nanos((FileTime) Files.getAttribute(local, "unix:ctime")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "";
        }
    }


    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
