package fi.polku.jobs.cli;

import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.spark.JvmTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.ParseResult;

/**
 * What the launcher script {@code polku} asks before it starts Polku: given the command's arguments, prints the
 * JVM options that suit its input size ({@link JvmTuning#launchOptions}), space-separated on one line. It sizes
 * the configured inputs from the local file system only, without Hadoop (whose file system and logging would add
 * about a second to this extra JVM): a glob is matched with Java's glob syntax, which agrees with Hadoop's on the
 * usual {@code *}, {@code ?}, {@code [..]} and {@code {a,b}}, and an input that is not a local path counts as
 * large. It is an estimate for choosing JVM options; the run plans its inputs itself. Prints nothing when the
 * command has no config or anything about it is wrong: the run then starts with the JVM's defaults and reports the
 * problem.
 */
public final class LaunchOptions {
    private LaunchOptions() {
    }

    /** Prints the options for {@code args} (a {@code polku} command line) on one line, or an empty line. */
    public static void main(String[] args) {
        System.out.println(String.join(" ", of(args)));
    }

    /** The JVM options for a {@code polku} command line; empty when there is nothing to size. */
    static List<String> of(String... args) {
        try {
            ParseResult sub = Polku.commandLine().parseArgs(args).subcommand();
            if (sub == null || !sub.hasMatchedOption("--config")) {
                return List.of();
            }
            Path file = sub.matchedOptionValue("--config", null);
            RunConfig config = RunConfig.load(file);
            return JvmTuning.launchOptions(localBytes(config.inputs().values()));
        } catch (RuntimeException e) { // picocli's ParameterException included
            return List.of();
        }
    }

    /** Bytes of the local files the paths or globs match; {@link Long#MAX_VALUE} when one is not local. */
    static long localBytes(Collection<List<String>> inputs) {
        long total = 0;
        for (List<String> patterns : inputs) {
            for (String pattern : patterns) {
                Path path = local(pattern);
                if (path == null) {
                    return Long.MAX_VALUE;
                }
                total += bytes(path);
            }
        }
        return total;
    }

    private static final Pattern GLOB = Pattern.compile("[*?\\[{]");

    private static Path local(String pattern) {
        if (pattern.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return pattern.startsWith("file:") ? Path.of(URI.create(pattern).getPath()) : null;
        }
        return Path.of(pattern).toAbsolutePath();
    }

    private static long bytes(Path pattern) {
        // The literal folder the glob starts from, and how deep below it the glob reaches.
        Path base = pattern.getRoot();
        int depth = 0;
        for (Path part : pattern) {
            if (depth > 0 || GLOB.matcher(part.toString()).find()) {
                depth++;
            } else {
                base = base.resolve(part);
            }
        }
        if (depth == 0) {
            return Files.isRegularFile(base) ? size(base) : 0;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> found = Files.find(base, depth, (p, a) -> a.isRegularFile() && matcher.matches(p))) {
            return found.mapToLong(LaunchOptions::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).size();
        } catch (IOException e) {
            return 0;
        }
    }
}
