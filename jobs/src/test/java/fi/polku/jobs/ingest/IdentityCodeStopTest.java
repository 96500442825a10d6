package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Finnish personal identity code anywhere in an input stops the run with exit code 3, a message naming
 * file, line and column without the code, and nothing written: the previous outputs stay as they were.
 */
class IdentityCodeStopTest {
    /** A valid fictitious code from shared/reference/hetu_test_vectors.csv (DVV test person). */
    private static final String CODE = "010594Y9032";

    private static final String HEADER = "case_id,region,respondent,age_band,instrument,session_date,total,note";

    @TempDir
    Path dir;

    @Test
    void aCodeInAnyColumnStopsTheRunAndLeavesPreviousOutputsUntouched() throws Exception {
        Workspace ws = new Workspace(dir);
        ws.write("sessions.csv", HEADER + "\nC-1,Kainuu,youth,13-17,ORS,2025-02-03,21.5,"
                + "\nC-2,Kainuu,youth,13-17,ORS,2025-02-03,18.0,call 040-1234567 on 2025-02-10\n", StandardCharsets.UTF_8);
        Path config = ws.config("2026-06-30", "fit_sessions", "sessions.csv");
        PolkuRun.Outcome first = PolkuRun.run("ingest", "--config", config.toString());
        assertEquals(0, first.exit(), "phone numbers and dates are not identity codes\n" + first);
        List<String> before = Workspace.listing(ws.output());
        byte[] manifestBefore = Files.readAllBytes(ws.output().resolve("manifest.json"));

        ws.write("sessions.csv", HEADER + "\nC-1,Kainuu,youth,13-17,ORS,2025-02-03,21.5,"
                + "\nC-2,Kainuu,youth,13-17,ORS,2025-02-03,18.0,\"asiakas " + CODE + " soitti\"\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome second = PolkuRun.run("ingest", "--config", config.toString());

        assertEquals(3, second.exit(), second.toString());
        assertTrue(second.err().contains("sessions.csv: 1 Finnish personal identity code at line 3, column note (field 8)"),
                second.err());
        assertFalse((second.out() + second.err()).contains(CODE), "the code is never echoed");
        assertFalse((second.out() + second.err()).contains("010594"), "not even in part");
        assertEquals(before, Workspace.listing(ws.output()), "nothing written, no staging left behind");
        assertTrue(java.util.Arrays.equals(manifestBefore, Files.readAllBytes(ws.output().resolve("manifest.json"))));
    }

    @Test
    void aCodeInAnIdentifierColumnIsCaughtToo() {
        Workspace ws = new Workspace(dir);
        ws.write("sessions.csv", HEADER + "\n131052-308T,Kainuu,youth,13-17,ORS,2025-02-03,21.5,\n", StandardCharsets.UTF_8);
        PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", ws.config("2026-06-30", "fit_sessions", "sessions.csv").toString());
        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("line 2, column case_id (field 1)"), run.err());
        assertFalse(Files.exists(ws.output().resolve("sessions")), "nothing from the file is written");
    }
}
