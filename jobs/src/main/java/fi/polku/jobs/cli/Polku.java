package fi.polku.jobs.cli;

import fi.polku.jobs.pipeline.ExitCodes;
import fi.polku.jobs.pipeline.Stage;
import fi.polku.jobs.pipeline.Stages;
import fi.polku.jobs.pipeline.Versions;
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
            "3 input rejected or unavailable (identity code, unreadable file, Sotkanet pull failed),",
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
        int code = ExitCodes.of(e);
        if (code == ExitCodes.REJECTED) {
            err.println("polku: input rejected: " + e.getMessage());
            return code;
        }
        if (code == ExitCodes.DISCLOSURE) {
            err.println("polku: refused to publish: " + e.getMessage());
            return code;
        }
        if (code == ExitCodes.USAGE) {
            err.println("polku: " + e.getMessage());
            return code;
        }
        err.println("polku: internal error: " + e);
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
