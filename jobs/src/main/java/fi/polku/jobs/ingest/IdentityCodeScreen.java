package fi.polku.jobs.ingest;

import fi.polku.jobs.output.OsReason;
import fi.polku.privacy.IdentityCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole input file (its run's snapshot, the bytes that were checksummed) before anything is parsed,
 * for where any Finnish personal identity code stands in it, comment lines and header included (line and
 * column, never the code). A file with a finding is not ingested at all.
 */
public final class IdentityCodeScreen {
    /** At most this many findings are listed per file; the total is still counted. */
    static final int MAX_LISTED = 20;

    private IdentityCodeScreen() {
    }

    /**
     * Where one identity code stands.
     *
     * @param column the header name of the field it is in (delimited text), or "character N" (JSON)
     */
    public record Finding(long line, String column) implements Serializable {
    }

    /** What screening one file found. */
    public record Result(String file, long findings, List<Finding> listed)
            implements Serializable {
        /** Whether the file may be ingested. */
        public boolean clean() {
            return findings == 0;
        }
    }

    /**
     * Screens one range of a planned file (the whole file is the union of its ranges); line numbers and column
     * names are those of the whole file.
     */
    public static Result screen(InputFile file, ByteRange range) {
        return screen(file.name(), TaskFiles.open(file, range), file.format(), file.format().json() ? null : file.header(),
                range.firstLine());
    }

    /** The findings of several ranges of one file, in line order, the listed ones capped again. */
    public static Result merge(List<Result> parts) {
        long findings = 0;
        List<Finding> listed = new ArrayList<>();
        for (Result r : parts) {
            findings += r.findings();
            listed.addAll(r.listed());
        }
        listed.sort(java.util.Comparator.comparingLong(Finding::line));
        return new Result(parts.get(0).file(), findings, List.copyOf(listed.subList(0, Math.min(MAX_LISTED, listed.size()))));
    }

    private static Result screen(String name, InputStream in, FileFormat format, List<String> header, long firstLine) {
        long findings = 0;
        List<Finding> listed = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, format.decoding()))) {
            String line;
            long lineNo = firstLine - 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                for (int offset : IdentityCodes.find(line)) {
                    findings++;
                    if (listed.size() < MAX_LISTED) {
                        listed.add(new Finding(lineNo, column(line, offset, format, header)));
                    }
                }
            }
        } catch (IOException e) {
            throw new InputRejected(name + ": cannot be read (" + OsReason.of(e) + ")");
        }
        return new Result(name, findings, List.copyOf(listed));
    }

    private static String column(String line, int offset, FileFormat format, List<String> header) {
        if (format.json()) {
            return "character " + (offset + 1);
        }
        int field = 0;
        boolean quoted = false;
        for (int i = 0; i < offset; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == format.delimiter() && !quoted) {
                field++;
            }
        }
        String name = header != null && field < header.size() ? header.get(field).strip() : "";
        return name.isEmpty() ? "field " + (field + 1) : name + " (field " + (field + 1) + ")";
    }

}
