package fi.polku.jobs.ingest;

import fi.polku.jobs.output.OsReason;
import fi.polku.ingest.Aliases;
import fi.polku.ingest.FieldLayout;
import fi.polku.jobs.config.ConfigError;
import fi.polku.privacy.IdentityCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Plans ingest on the driver: expands each configured path or glob to files, reads each distinct file once
 * ({@link InputSnapshot}: copy into the run's staging area, SHA-256 and whole-file format detection from the
 * same bytes), reads its header from that copy and resolves it against the dataset's contract. A missing
 * file, a header without required columns, an ambiguous format or an identity code in a path or header
 * rejects the input before any data row is parsed. A command that does not ingest (no staging folder) only
 * expands the paths and checksums each file: it parses none of them, so their format and header are not its
 * business (a 1 GB export: about 1 s instead of 4–7 s of format scan on the driver, for every such command).
 *
 * <p>Each file is read once however many patterns match it (same canonical path: symbolic links and
 * {@code ./} resolved); a file configured for two datasets is a configuration error. Files are named in
 * tables and messages by their path relative to the config's folder (or in full when outside it), so two
 * {@code fit.csv} in different folders stay apart.
 */
public final class InputPlanner {
    private final Configuration hadoop;
    private final Aliases aliases;
    private final java.nio.file.Path base;
    private final long splitBytes;

    /**
     * @param base       the config file's folder: file names are shown relative to it
     * @param splitBytes about how many bytes of a file one parse task takes (files are cut at record boundaries)
     */
    public InputPlanner(Configuration hadoop, Aliases aliases, java.nio.file.Path base, long splitBytes) {
        this.hadoop = hadoop;
        this.aliases = aliases;
        this.base = base.toAbsolutePath().normalize();
        this.splitBytes = splitBytes;
    }

    /** The planned files, and what the plan has to say about them (repeats, copies). */
    public record Plan(List<InputFile> files, List<String> warnings) {
    }

    /**
     * Plans every configured input.
     *
     * @param inputs    dataset name → paths or globs as configured
     * @param snapshots the staging folder to copy inputs into, or null to read them in place (commands that do
     *                  not parse inputs only need their checksums)
     * @throws MissingInput  when a path matches no file
     * @throws InputRejected when a file's path, header, encoding or number format cannot be used
     * @throws InputChanged  when a file changes while it is read
     */
    public Plan plan(Map<String, List<String>> inputs, Path snapshots) {
        Map<String, Matched> distinct = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (DatasetSpec<?> spec : DatasetSpec.all()) {
            for (String pattern : inputs.getOrDefault(spec.dataset(), List.of())) {
                for (Path path : expand(spec.dataset(), pattern)) {
                    String canonical = canonical(path);
                    Matched earlier = distinct.get(canonical);
                    if (earlier == null) {
                        distinct.put(canonical, new Matched(spec, path, null, pattern));
                    } else if (!earlier.spec().dataset().equals(spec.dataset())) {
                        throw new ConfigError("inputs: " + shown(relative(path)) + " is configured both as " + earlier.spec().dataset()
                                + " and as " + spec.dataset() + "; a file holds one dataset");
                    } else {
                        warnings.add(shown(relative(path)) + " is matched by '" + shown(relative(earlier.pattern()))
                                + "' and again by '" + shown(relative(pattern)) + "' in inputs." + spec.dataset()
                                + "; it is read once");
                    }
                }
            }
        }
        List<InputFile> files = new ArrayList<>();
        Map<String, String> byContent = new LinkedHashMap<>();
        for (Matched m : named(distinct.values())) {
            Path copy = snapshots == null ? null : new Path(snapshots, String.format(Locale.ROOT, "%05d", files.size()));
            InputFile f = inspect(m, copy);
            String same = byContent.putIfAbsent(f.dataset() + " " + f.sha256(), f.name());
            if (same != null) {
                warnings.add(f.name() + " has the same content as " + same + " (SHA-256 " + f.sha256().substring(0, 12)
                        + "…): both are read, so their rows repeat and are quarantined as duplicates; is one a copy?");
            }
            files.add(f);
        }
        return new Plan(List.copyOf(files), List.copyOf(warnings));
    }

    /** One distinct file, the first pattern that matched it, and the name it goes by. */
    private record Matched(DatasetSpec<?> spec, Path path, String name, String pattern) {
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
                throw new MissingInput("inputs." + dataset + ": no file matches " + shown(pattern));
            }
            return files;
        } catch (IOException e) {
            throw new MissingInput("inputs." + dataset + ": cannot list " + shown(pattern) + " (" + OsReason.of(e) + ")");
        }
    }

    /** A path or pattern as the user wrote it: relative to the config's folder when it lies below it. */
    private String relative(Object path) {
        String text = path.toString();
        if (text.startsWith(base + "/")) {
            return text.substring(base.toString().length() + 1);
        }
        String uri = "file:" + base + "/";
        return text.startsWith(uri) ? text.substring(uri.length()) : text;
    }

    /** A configured path for a message, unless it holds an identity code. */
    private static String shown(String pattern) {
        return IdentityCodes.containsAny(pattern) ? "(a path that contains a Finnish personal identity code, not shown)" : pattern;
    }

    private String canonical(Path path) {
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            Path qualified = fs.makeQualified(path);
            if ("file".equals(fs.getUri().getScheme())) {
                return java.nio.file.Path.of(qualified.toUri()).toRealPath().toString();
            }
            return qualified.toString();
        } catch (IOException e) {
            return path.toString();
        }
    }

    /**
     * Names every file: its path relative to the config's folder when it lies below it, else its file name with
     * as many parent folders as make it unique in the run. Names never depend on where the machine keeps the
     * config (outputs stay the same on another machine), and two {@code fit.csv} stay apart.
     */
    private List<Matched> named(java.util.Collection<Matched> matched) {
        for (Matched m : matched) {
            if (IdentityCodes.containsAny(m.path().toString())) {
                throw new InputRejected("inputs." + m.spec().dataset() + ": a file's name or folder contains a Finnish"
                        + " personal identity code (not shown); nothing from it was read. Rename the file so that its path"
                        + " holds no identity code.");
            }
        }
        List<List<String>> parts = new ArrayList<>();
        int[] depth = new int[matched.size()];
        for (Matched m : matched) {
            parts.add(components(m.path()));
        }
        for (boolean clash = true; clash; ) {
            clash = false;
            Map<String, List<Integer>> byName = new LinkedHashMap<>();
            for (int i = 0; i < depth.length; i++) {
                byName.computeIfAbsent(suffix(parts.get(i), depth[i]), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> same : byName.values()) {
                for (int i : same) {
                    if (same.size() > 1 && depth[i] < parts.get(i).size() - 1) {
                        depth[i]++;
                        clash = true;
                    }
                }
            }
        }
        List<Matched> named = new ArrayList<>();
        int i = 0;
        for (Matched m : matched) {
            named.add(new Matched(m.spec(), m.path(), suffix(parts.get(i), depth[i]), m.pattern()));
            i++;
        }
        return named;
    }

    /** A path's folders and name; below the config's folder, only those below it. */
    private List<String> components(Path path) {
        List<String> parts = new ArrayList<>();
        if (path.toUri().getScheme() == null || "file".equals(path.toUri().getScheme())) {
            java.nio.file.Path local = java.nio.file.Path.of(path.toUri().getPath()).toAbsolutePath().normalize();
            boolean below = local.startsWith(base);
            for (java.nio.file.Path p : below ? base.relativize(local) : local) {
                parts.add(p.toString());
            }
            if (below) {
                parts.add(0, ""); // the whole relative path is the shortest name: start from it
            }
        } else {
            parts.add(path.toUri().getScheme() + "://" + path.toUri().getAuthority());
            parts.addAll(List.of(path.toUri().getPath().replaceFirst("^/", "").split("/")));
        }
        return parts;
    }

    private static String suffix(List<String> parts, int depth) {
        boolean relative = parts.get(0).isEmpty();
        int from = relative ? 1 : Math.max(0, parts.size() - 1 - depth);
        return String.join("/", parts.subList(from, parts.size()));
    }

    private InputFile inspect(Matched m, Path copy) {
        DatasetSpec<?> spec = m.spec();
        InputSnapshot.Taken taken = InputSnapshot.take(hadoop, m.path(), m.name(), copy, splitBytes);
        if (copy == null) {
            // Not parsed by this command: its checksum decides whether there is anything to do, nothing more.
            return new InputFile(spec.dataset(), m.path().toString(), m.name(), m.path().toString(), null, false, List.of(),
                    List.of(), List.of(), taken.sha256(), taken.bytes(), taken.stamp());
        }
        FileFormat format = taken.scan().format();
        List<String> header;
        try (RecordStream records = RecordStream.open(m.name(), TaskFiles.open(copy.toString(), m.name()), format)) {
            header = records.header();
        }
        List<Integer> codes = IdentityCodes.find(String.join("\u0000", header));
        if (!codes.isEmpty()) {
            // Checked here because header messages repeat column names; the whole file is screened later.
            throw new InputRejected(m.name() + " line " + (format.leadingLines() + 1) + " (header): contains a Finnish"
                    + " personal identity code; the file is not read. Remove identity codes from the export and run again.");
        }
        boolean sotkanet = format.json() || isSotkanetHeader(spec, header);
        FieldLayout layout = FieldLayout.resolve(header, spec.contract(sotkanet), aliases);
        if (!layout.problems().isEmpty()) {
            throw new InputRejected(m.name() + " line " + (format.leadingLines() + 1) + " (header): "
                    + String.join("; ", layout.problems())
                    + (layout.ignored().isEmpty() ? "" : "; columns not understood: " + printable(layout.ignored()))
                    + ". See datasets/DATA_DICTIONARY.md for the columns of " + spec.dataset()
                    + " and datasets/aliases.csv for accepted Finnish names.");
        }
        if (!format.json()) {
            format = format.with(taken.scan().decimals().decide(m.name(), column -> layout.reads(column - 1),
                    column -> column + " (" + printable(List.of(layout.headerName(column - 1))) + ")"));
        }
        return new InputFile(spec.dataset(), m.path().toString(), m.name(), copy.toString(), format, sotkanet, header,
                layout.ignored(), taken.scan().ranges(), taken.sha256(), taken.bytes(), taken.stamp());
    }

    /** Header names for a message: control characters shown as '?', each cut to 40 characters. */
    private static String printable(List<String> names) {
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            String clean = n.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            shown.add(clean.length() > 40 ? clean.substring(0, 40) + "…" : clean);
        }
        return String.join(", ", shown);
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
