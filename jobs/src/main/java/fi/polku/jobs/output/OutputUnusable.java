package fi.polku.jobs.output;

/**
 * The configured output location cannot hold Polku's outputs: a regular file, a folder with other content, a
 * symbolic link Polku did not make, a name too long for the file system, a parent that cannot be written. Found
 * before any heavy work; the command exits with code 4 and writes nothing there.
 */
public final class OutputUnusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputUnusable(String message) {
        super(message);
    }
}
