package fi.polku.jobs.ingest;

/** Rows of one input file: read, clean and quarantined. {@code rowsIn == clean + quarantined} always. */
public record FileCount(String dataset, String file, long rowsIn, long clean, long quarantined) {
    public FileCount {
        if (rowsIn != clean + quarantined) {
            throw new IllegalStateException(file + ": " + rowsIn + " rows in but " + clean + " clean + "
                    + quarantined + " quarantined; a row was lost or duplicated");
        }
    }
}
