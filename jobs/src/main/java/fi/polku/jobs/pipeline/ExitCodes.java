package fi.polku.jobs.pipeline;

import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.disclosure.DisclosureRefused;
import fi.polku.jobs.ingest.InputChanged;
import fi.polku.jobs.ingest.InputRejected;
import fi.polku.jobs.ingest.MissingInput;
import fi.polku.jobs.output.OutputBusy;
import fi.polku.jobs.sotkanet.SotkanetFailure;

/** The command-line tool's exit codes, and which failure gets which. */
public final class ExitCodes {
    /** Success, including "nothing to do". */
    public static final int OK = 0;
    /** An internal error: a bug. */
    public static final int INTERNAL = 1;
    /** Bad usage or configuration, a missing input, a busy output. */
    public static final int USAGE = 2;
    /** Input rejected or unavailable: identity code, unreadable file or header, input changed during the run, Sotkanet pull failed. */
    public static final int REJECTED = 3;
    /** Refused to publish: the disclosure audit found a hidden figure the published ones pin down. */
    public static final int DISCLOSURE = 4;

    private ExitCodes() {
    }

    /** The exit code of a failure. */
    public static int of(Throwable failure) {
        if (failure instanceof DisclosureRefused) {
            return DISCLOSURE;
        }
        if (failure instanceof InputRejected || failure instanceof InputChanged || failure instanceof SotkanetFailure) {
            return REJECTED;
        }
        if (failure instanceof ConfigError || failure instanceof MissingInput || failure instanceof OutputBusy) {
            return USAGE;
        }
        return INTERNAL;
    }
}
