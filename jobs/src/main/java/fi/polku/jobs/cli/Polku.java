package fi.polku.jobs.cli;

import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.ingest.InputRejected;
import fi.polku.jobs.ingest.MissingInput;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code polku}: the command-line tool. Exit codes: 0 ok, 2 usage or configuration error, 3 input rejected
 * (identity code found, unreadable file), 1 internal error.
 */
@Command(name = "polku", mixinStandardHelpOptions = true, versionProvider = Polku.Version.class,
        description = "Measurement and outcome analytics for Finnish child-protection development work.",
        footer = {"", "Exit codes: 0 ok, 2 usage or configuration error,",
            "3 input rejected (identity code, unreadable file),",
            "1 internal error (run again with --verbose and report it)."},
        subcommands = {IngestCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Polku {
    /** Success. */
    public static final int OK = 0;
    /** An internal error: a bug, reported with a stack trace under {@code --verbose}. */
    public static final int INTERNAL = 1;
    /** Bad usage or configuration. */
    public static final int USAGE = 2;
    /** Input rejected: identity code, unreadable file or header. */
    public static final int REJECTED = 3;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the tool and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Polku());
        cli.setExecutionExceptionHandler(Polku::handle);
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InputRejected) {
            err.println("polku: input rejected: " + e.getMessage());
            return REJECTED;
        }
        if (e instanceof ConfigError || e instanceof MissingInput) {
            err.println("polku: " + e.getMessage());
            return USAGE;
        }
        err.println("polku: internal error: " + e);
        if (parsed.hasMatchedOption("--verbose") || parsed.subcommand() != null
                && parsed.subcommand().hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the stack trace, and report it)");
        }
        return INTERNAL;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"polku " + version()};
        }
    }

    /** This build's version, or "dev" outside a jar. */
    public static String version() {
        String v = Polku.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
