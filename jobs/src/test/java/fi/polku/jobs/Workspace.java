package fi.polku.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A test's folder of inputs, config and outputs. */
public final class Workspace {
    /** The repository's demo data. */
    public static final Path DEMO = Path.of("..", "datasets", "demo").toAbsolutePath().normalize();
    /** The repository's demo at the projects' real scale (issue 21.9). */
    public static final Path DEMO_SMALL = Path.of("..", "datasets", "demo-small").toAbsolutePath().normalize();

    private final Path dir;

    public Workspace(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path output() {
        return dir.resolve("out");
    }

    /** Writes a text file in the given encoding. */
    public Path write(String name, String text, Charset charset) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, text.getBytes(charset));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code polku.yaml} with the given inputs (dataset → file names or absolute paths) and returns it.
     */
    public Path config(String asOf, String... datasetAndPath) {
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < datasetAndPath.length; i += 2) {
            inputs.append("  ").append(datasetAndPath[i]).append(": ").append(datasetAndPath[i + 1]).append('\n');
        }
        return write("polku.yaml", "project: test\nas_of: " + asOf + "\ninputs:\n" + inputs + "output: out\n",
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes the demo config into {@code folder} as {@code name}, its inputs made absolute, its output
     * {@code folder/out}, with {@code extra} YAML appended; returns its path.
     */
    public static Path demoConfig(Path folder, String name, String extra) {
        return demoConfig(DEMO, folder, name, extra);
    }

    /**
     * Writes the config of a bundled demo ({@link #DEMO} or {@link #DEMO_SMALL}) into {@code folder} as {@code name},
     * its input paths made absolute, its output {@code folder/out}, with {@code extra} YAML appended; returns its path.
     */
    public static Path demoConfig(Path demo, Path folder, String name, String extra) {
        try {
            StringBuilder config = new StringBuilder();
            for (String line : Files.readString(demo.resolve("polku.yaml"), java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("output: ")) {
                    line = "output: " + folder.resolve("out");
                } else if (!line.startsWith("#")) {
                    // an input path: a value, or an item of a flow list ([a.csv, ../demo/b.csv])
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=[ \\[])[\\w./-]+\\.csv(?=[\\s,\\]]|$)").matcher(line);
                    line = m.replaceAll(r -> java.util.regex.Matcher.quoteReplacement(demo.resolve(r.group()).normalize().toString()));
                }
                config.append(line).append('\n');
            }
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.writeString(file, config.toString().stripTrailing() + "\n" + extra, java.nio.charset.StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names under a folder, sorted, for "nothing else was written" checks. */
    public static List<String> listing(Path folder) {
        try (var s = Files.walk(folder, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.map(p -> folder.relativize(p).toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
