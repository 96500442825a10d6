package fi.polku.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notebooks in the repo are stored with their outputs cleared and run on the Python 3 kernel. */
class NotebookSourcesTest {
    @Test
    void notebooksAreCommittedWithoutOutputs() throws IOException {
        List<Path> notebooks;
        try (var files = Files.list(Path.of("..", "notebooks"))) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in notebooks/");
        for (Path notebook : notebooks) {
            JsonNode root = new ObjectMapper().readTree(notebook.toFile());
            assertEquals("python3", root.path("metadata").path("kernelspec").path("name").asText(), notebook + ": kernel");
            for (JsonNode cell : root.get("cells")) {
                if (cell.path("cell_type").asText().equals("code")) {
                    assertTrue(cell.path("outputs").isEmpty(), notebook + ": a code cell has outputs");
                    assertTrue(cell.path("execution_count").isNull(), notebook + ": a code cell has an execution count");
                }
            }
        }
    }
}
