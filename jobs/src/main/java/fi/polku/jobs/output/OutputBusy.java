package fi.polku.jobs.output;

/** Another run holds the output; two runs never write the same output at once. */
public final class OutputBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputBusy(String message) {
        super(message);
    }
}
