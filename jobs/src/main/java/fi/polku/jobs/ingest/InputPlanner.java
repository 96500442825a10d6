package fi.polku.jobs.ingest;

import fi.polku.ingest.Aliases;
import fi.polku.ingest.FieldLayout;
import fi.polku.privacy.IdentityCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Plans ingest on the driver: expands each configured path or glob to files, sniffs each file's format,
 * reads its header and resolves it against the dataset's contract, and fingerprints the file (SHA-256) so
 * a re-run can tell whether anything changed. A missing file is a configuration error; a header without
 * required columns rejects the input before any data row is read.
 */
public final class InputPlanner {
    private final Configuration hadoop;
    private final Aliases aliases;

    public InputPlanner(Configuration hadoop, Aliases aliases) {
        this.hadoop = hadoop;
        this.aliases = aliases;
    }

    /**
     * Plans every configured input.
     *
     * @param inputs dataset name → paths or globs as configured
     * @throws MissingInput  when a path matches no file
     * @throws InputRejected when a file's header or encoding cannot be used
     */
    public List<InputFile> plan(Map<String, List<String>> inputs) {
        List<InputFile> files = new ArrayList<>();
        for (DatasetSpec<?> spec : DatasetSpec.all()) {
            for (String pattern : inputs.getOrDefault(spec.dataset(), List.of())) {
                for (Path path : expand(spec.dataset(), pattern)) {
                    files.add(inspect(spec, path));
                }
            }
        }
        return files;
    }

    private List<Path> expand(String dataset, String pattern) {
        try {
            Path p = new Path(pattern);
            FileSystem fs = p.getFileSystem(hadoop);
            FileStatus[] matches = fs.globStatus(p);
            List<Path> files = new ArrayList<>();
            if (matches != null) {
                Arrays.sort(matches);
                for (FileStatus s : matches) {
                    if (s.isFile() && !s.getPath().getName().startsWith(".")) {
                        files.add(s.getPath());
                    }
                }
            }
            if (files.isEmpty()) {
                throw new MissingInput("inputs." + dataset + ": no file matches " + pattern);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("inputs." + dataset + ": cannot list " + pattern + ": " + e.getMessage(), e);
        }
    }

    private InputFile inspect(DatasetSpec<?> spec, Path path) {
        String name = path.getName();
        byte[] sample;
        boolean atEnd;
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            sample = in.readNBytes(FileSniffer.SAMPLE_BYTES);
            atEnd = in.read() < 0;
        } catch (IOException e) {
            throw new InputRejected(name + ": cannot be read (" + e.getMessage() + ")");
        }
        FileFormat format = FileSniffer.sniff(name, sample, atEnd);
        List<String> header;
        try (RecordStream records = RecordStream.open(name, new ByteArrayInputStream(sample), format)) {
            header = records.header();
        }
        if (IdentityCodes.containsAny(String.join("\u0000", header))) {
            // Checked here because header messages repeat column names; the full screen follows.
            throw new InputRejected(name + " line 1 (header): contains a Finnish personal identity code;"
                    + " the file is not read. Remove identity codes from the export and run again.");
        }
        boolean sotkanet = format.json() || isSotkanetHeader(spec, header);
        FieldLayout layout = FieldLayout.resolve(header, spec.contract(sotkanet), aliases);
        if (!layout.problems().isEmpty()) {
            throw new InputRejected(name + " line 1 (header): " + String.join("; ", layout.problems())
                    + (layout.ignored().isEmpty() ? "" : "; columns not understood: " + String.join(", ", layout.ignored()))
                    + ". See datasets/DATA_DICTIONARY.md for the columns of " + spec.dataset()
                    + " and datasets/aliases.csv for accepted Finnish names.");
        }
        return new InputFile(spec.dataset(), path.toString(), name, format, sotkanet, layout.ignored(),
                sha256(path), bytesOf(path));
    }

    private String sha256(Path path) {
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new InputRejected(path.getName() + ": cannot be read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long bytesOf(Path path) {
        try {
            return path.getFileSystem(hadoop).getFileStatus(path).getLen();
        } catch (IOException e) {
            throw new InputRejected(path.getName() + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A region-statistics header in Sotkanet's shape names a gender and no period. */
    private boolean isSotkanetHeader(DatasetSpec<?> spec, List<String> header) {
        if (!spec.dataset().equals("region_statistics")) {
            return false;
        }
        List<String> canonical = new ArrayList<>();
        for (String h : header) {
            canonical.add(aliases.header("sotkanet", h));
        }
        return canonical.contains("gender") && canonical.contains("year") && !header.contains("period");
    }
}
