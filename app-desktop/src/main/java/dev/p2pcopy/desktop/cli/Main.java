package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.app.DesktopLauncher;
import dev.p2pcopy.relay.RelayCommand;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** The {@code p2p-copy} command line: send, receive and relay. */
public final class Main {
    private static final String LOGBACK_FILE_PROPERTY = "logback.configurationFile";
    private static final String LOG_LEVEL_PROPERTY = "p2pcopy.log.level";

    private Main() {}

    /**
     * Opens the desktop app when there are no arguments; otherwise runs the command line and
     * exits with its code (see {@link ExitCodes}).
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        configureLogging(args);
        if (args.length == 0) {
            System.exit(DesktopLauncher.launch(System.err));
        }
        System.exit(run(CliEnvironment.system(), args));
    }

    /**
     * Runs one command in this JVM.
     *
     * @param env the streams, terminal and relay policy to use
     * @param args the command-line arguments
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int run(CliEnvironment env, String... args) {
        CommandLine commandLine = commandLine(env);
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exitCode;
    }

    /**
     * The command tree, wired to {@code env}.
     *
     * @param env the streams, terminal and relay policy to use
     * @return the {@code p2p-copy} command with its subcommands
     */
    public static CommandLine commandLine(CliEnvironment env) {
        CommandLine top = new CommandLine(new P2pCopyCommand());
        top.addSubcommand(new SendCommand(env));
        top.addSubcommand(new ReceiveCommand(env));
        top.addSubcommand(new RelayCommand());
        for (CommandLine documented : List.of(
                top, top.getSubcommands().get("send"), top.getSubcommands().get("receive"))) {
            documented
                    .getCommandSpec()
                    .usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCodes.descriptions());
        }
        // Set after adding the subcommands: picocli copies these settings down only to existing ones.
        top.setCaseInsensitiveEnumValuesAllowed(true);
        top.setOut(new PrintWriter(env.out(), true));
        top.setErr(new PrintWriter(env.err(), true));
        top.setParameterExceptionHandler(new UsageErrorHandler());
        top.setExecutionExceptionHandler(new FailureHandler());
        return top;
    }

    /** Quiet logging on stderr, or p2p-copy's debug log with {@code --debug}; set before any logger exists. */
    private static void configureLogging(String[] args) {
        if (System.getProperty(LOGBACK_FILE_PROPERTY) == null) {
            System.setProperty(LOGBACK_FILE_PROPERTY, "p2p-copy-cli-logback.xml");
        }
        if (List.of(args).contains(CommonOptions.DEBUG)) {
            System.setProperty(LOG_LEVEL_PROPERTY, "DEBUG");
        }
    }
}
