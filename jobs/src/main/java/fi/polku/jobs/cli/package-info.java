/** The {@code polku} command-line tool: subcommands, help, exit codes. */
package fi.polku.jobs.cli;
