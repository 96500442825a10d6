package fi.polku.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, usage and configuration errors: exit code 2 with a message that names the key or file. */
class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheSubcommands() {
        PolkuRun.Outcome run = PolkuRun.run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("ingest") && run.out().contains("generate"), run.out());
        assertEquals(0, PolkuRun.run("ingest", "--help").exit());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, PolkuRun.run("ingest").exit(), "--config is required");
        assertEquals(2, PolkuRun.run("no-such-command").exit());
        assertEquals(2, PolkuRun.run("generate", "--out", dir.toString()).exit(), "no size given");
    }

    @Test
    void configErrorsNameTheKey() {
        Workspace ws = new Workspace(dir);
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nminn_cell: 5\n", "unknown key 'minn_cell'");
        assertConfigError(ws, "project: x\ninputs:\n  fit_session: a.csv\noutput: out\n", "unknown key 'inputs.fit_session'");
        assertConfigError(ws, "project: x\ninputs: {}\n", "key 'output' is required");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nas_of: 30.6.2026\n", "key 'as_of' must be a date");
        assertConfigError(ws, "project: [x\n", "not valid YAML");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nrci_method: XX\n",
                "key 'rci_method' must be one of [en, gln, ha, hll, jt, nk]");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nchange:\n  reliability: omega\n",
                "key 'change.reliability' must be one of [alpha, alpha_clinical, sample_alpha, test_retest]");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nchange:\n  fallback: median\n",
                "key 'change.fallback' must be one of [alpha, alpha_clinical, none, sample_alpha, test_retest]");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nregions:\n  - {region: Savo, start: 2024-08-01}\n",
                "key 'regions[1].region': 'Savo' is not a region");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nregions:\n  - {region: Kainuu, start: 1.8.2024}\n",
                "key 'regions[1].start' must be a date");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nchange:\n  life_situation_reliability: 1.5\n",
                "key 'change.life_situation_reliability' must be a number from 0.01 to 0.99");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nmin_cell: 0\n", "key 'min_cell' must be a whole number from 1 to 1000");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nmin_cell: 2.5\n", "key 'min_cell' must be a whole number from 1 to 1000");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nperiods: month\n", "key 'periods' must be one of [term, year]");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\ntargets:\n  - {region: Kainuu, coverage: 0.1}\n",
                "key 'targets[1].coverage' needs 'targets[1].caseload'");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\ntargets:\n  - {region: Kainuu, famillies: 20}\n",
                "unknown key 'targets[1].famillies'");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nits:\n  dispersion_floor: -1\n",
                "key 'its.dispersion_floor' must be a number from 0.0 to 100.0");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nits:\n  floor: 1\n", "unknown key 'its.floor'");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nproject_effects:\n  max_assignments: 5\n",
                "key 'project_effects.max_assignments' must be a whole number from 20 to 1000000");
        // Issue 21.4: user text per language ({fi, en}) or one plain string, nothing else.
        assertConfigError(ws, "project: {sv: x}\ninputs: {}\noutput: out\n", "key 'project.sv' is not a language of the report (use fi or en)");
        assertConfigError(ws, "project: {}\ninputs: {}\noutput: out\n", "key 'project' must be a text or {fi: …, en: …}");
        assertConfigError(ws, "project: x\ninputs: {}\noutput: out\nbreaks:\n  - {date: 2023-01-01, label: {fi: ''}}\n",
                "key 'breaks[1].label.fi' must be a non-empty text value");
    }

    @Test
    void aMissingInputFileIsAnUnavailableInput() {
        Workspace ws = new Workspace(dir);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", ws.config("2026-06-30", "fit_sessions", "nope*.csv").toString());
        assertEquals(3, run.exit(), "README: 3 = input rejected or unavailable\n" + run);
        assertTrue(run.err().contains("inputs.fit_sessions: no file matches"), run.err());
    }

    private static void assertConfigError(Workspace ws, String yaml, String expected) {
        Path config = ws.write("polku.yaml", yaml, StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains(expected), run.err());
    }
}
