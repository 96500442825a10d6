package fi.polku.jobs.cli;

import fi.polku.jobs.pipeline.ExitCodes;
import fi.polku.jobs.pipeline.Interruption;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.Stages;
import fi.polku.jobs.pipeline.Versions;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code polku}: the command-line tool. Exit codes (see {@link ExitCodes}): 0 ok, 2 usage or configuration error,
 * 3 input rejected or unavailable, 4 output location unusable, 5 output busy, 143 stopped by SIGTERM, 52 and 50
 * Spark stopped the JVM after a task's fatal error (out of memory, other), 1 internal error.
 */
@Command(name = "polku", mixinStandardHelpOptions = true, versionProvider = Polku.Version.class,
        description = "Measurement and outcome analytics for Finnish child-protection development work.",
        footer = {"", "Exit codes: 0 ok, 2 usage or configuration error (also: a table no earlier run wrote),",
            "3 input rejected or unavailable (identity code, unreadable file, input missing or changed",
            "  during the run, Sotkanet pull failed),",
            "4 output location unusable (a file, a foreign folder or link, too long a name, not writable),",
            "5 output busy (another run is writing it; try again when it ends),",
            "143 stopped by SIGTERM or Ctrl-C (recorded as interrupted; previous outputs unchanged),",
            "52 a Spark task ran out of memory, 50 another fatal error in a task (Spark's codes: Spark stops the",
            "  JVM; recorded as failed; previous outputs unchanged),",
            "1 internal error (run again with --verbose and report it)."},
        subcommands = {RunCommand.class, GenerateCommand.class, SotkanetCommand.class, CommandLine.HelpCommand.class})
public final class Polku {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the tool and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command tree: {@code run}, one command per stage, {@code generate}, {@code sotkanet}, {@code help}. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Polku());
        for (Stage stage : Stages.commands()) {
            CommandLine command = new CommandLine(new StageCommand(stage));
            command.getCommandSpec().usageMessage().description(stage.description(), "",
                    "Writes " + String.join(", ", stage.produces()) + ". Reads the tables of earlier stages from the "
                            + "current outputs and publishes a new version with these tables replaced.");
            command.getCommandSpec().mixinStandardHelpOptions(true);
            cli.addSubcommand(stage.name(), command);
        }
        cli.setExecutionExceptionHandler(Polku::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (Interruption.inProgress()) {
            return ExitCodes.INTERRUPTED; // the run's shutdown hook has said so in one line; Spark's teardown is no error
        }
        int code = ExitCodes.of(e);
        if (code != ExitCodes.INTERNAL) {
            err.println("polku: " + ExitCodes.prefix(e) + e.getMessage());
            return code;
        }
        // Spark puts whole task traces into its exceptions' messages: one line here, the rest with --verbose.
        err.println("polku: internal error: " + String.valueOf(e).split("\\R", 2)[0]);
        if (parsed.hasMatchedOption("--verbose") || parsed.subcommand() != null
                && parsed.subcommand().hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the stack trace, and report it)");
        }
        return code;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"polku " + Versions.polku()};
        }
    }
}
