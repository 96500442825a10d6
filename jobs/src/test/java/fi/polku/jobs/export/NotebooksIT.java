package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook in notebooks/ runs to the end against the demo export, with Debian's Jupyter, pandas and
 * matplotlib (installed by notebooks/run-notebooks.sh when missing). Notebook 03 checks, number by number,
 * that its headline figures computed from the export equal the HTML summary's, and fails otherwise.
 */
class NotebooksIT {
    private static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void everyNotebookRunsOnTheDemoExportAndTheHeadlineMatchesTheHtml() throws Exception {
        Path config = Workspace.demoConfig(dir, "polku.yaml", "");
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        PolkuRun.Outcome export = PolkuRun.run("export", "--config", config.toString());
        assertEquals(0, export.exit(), export.toString());

        Path executed = dir.resolve("executed");
        Path log = dir.resolve("notebooks.log");
        Process p = new ProcessBuilder("bash", NOTEBOOKS.resolve("run-notebooks.sh").toString(), dir.resolve("out/export").toString(),
                dir.resolve("out/report/index.html").toString(), executed.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "notebooks still running after 20 minutes");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        try (var notebooks = Files.list(NOTEBOOKS)) {
            for (Path notebook : notebooks.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                assertTrue(Files.exists(executed.resolve(notebook.getFileName())), "not executed: " + notebook.getFileName() + "\n" + output);
            }
        }
        String headline = Files.readString(executed.resolve("03_headline_figure.ipynb"), StandardCharsets.UTF_8);
        assertTrue(headline.contains("headline rows match the HTML summary"), "notebook 03 did not confirm the match");
    }
}
