package fi.polku.jobs.pipeline;

import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.disclosure.DisclosureRefused;
import fi.polku.jobs.ingest.InputChanged;
import fi.polku.jobs.ingest.InputRejected;
import fi.polku.jobs.ingest.MissingInput;
import fi.polku.jobs.output.OutputBusy;
import fi.polku.jobs.output.OutputUnusable;
import fi.polku.jobs.sotkanet.SotkanetFailure;

/** The command-line tool's exit codes, and which failure gets which. Code 6 is reserved. */
public final class ExitCodes {
    /** Success, including "nothing to do". */
    public static final int OK = 0;
    /** An internal error: a bug. */
    public static final int INTERNAL = 1;
    /** Bad usage or configuration (a missing or bad key, duplicate keys, a table no earlier run wrote). */
    public static final int USAGE = 2;
    /**
     * Input rejected or unavailable: identity code, unreadable file or header, a configured input missing or
     * changed or deleted during the run, Sotkanet pull failed.
     */
    public static final int REJECTED = 3;
    /** The output location is unusable: a regular file, a foreign folder or link, too long a name, not writable. */
    public static final int OUTPUT_UNUSABLE = 4;
    /** The output is busy: another run is writing it; try again when that run ends. */
    public static final int BUSY = 5;
    /** Stopped by SIGTERM or Ctrl-C (128 + 15, the shells' convention). */
    public static final int INTERRUPTED = 143;
    /** Spark stopped the JVM: a task ran out of memory (Spark's own code; recorded as failed). */
    public static final int OUT_OF_MEMORY = 52;
    /** Spark stopped the JVM: a task died of another fatal error (Spark's own code; recorded as failed). */
    public static final int FATAL_TASK_ERROR = 50;
    /** Refused to publish: the disclosure audit found a hidden figure the published ones pin down. */
    public static final int DISCLOSURE = 6;

    private ExitCodes() {
    }

    /** The exit code of a failure. */
    public static int of(Throwable failure) {
        if (failure instanceof FatalTaskFailure fatal) {
            return fatal.exitCode();
        }
        if (failure instanceof DisclosureRefused) {
            return DISCLOSURE;
        }
        if (failure instanceof InputRejected || failure instanceof SotkanetFailure || failure instanceof MissingInput
                || failure instanceof InputChanged) {
            return REJECTED;
        }
        if (failure instanceof ConfigError || failure instanceof MissingTable) {
            return USAGE;
        }
        if (failure instanceof OutputUnusable) {
            return OUTPUT_UNUSABLE;
        }
        if (failure instanceof OutputBusy) {
            return BUSY;
        }
        return INTERNAL;
    }

    /** The words before a failure's message on stderr, e.g. "input rejected: ". */
    public static String prefix(Throwable failure) {
        if (failure instanceof InputRejected || failure instanceof InputChanged || failure instanceof SotkanetFailure) {
            return "input rejected: ";
        }
        if (failure instanceof MissingInput) {
            return "input unavailable: ";
        }
        if (failure instanceof OutputUnusable) {
            return "output unusable: ";
        }
        if (failure instanceof OutputBusy) {
            return "output busy: ";
        }
        if (failure instanceof DisclosureRefused) {
            return "refused to publish: ";
        }
        return "";
    }
}
