package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.TransferException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever a command throws into one sentence on stderr and its exit code; the stack
 * trace follows only with {@code --debug}.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult fullParseResult) {
        ParseResult parsed = command.getParseResult();
        boolean debug = parsed != null && parsed.hasMatchedOption(CommonOptions.DEBUG);
        PrintWriter err = command.getErr();
        err.println("p2p-copy: " + message(ex, debug));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof TransferException t ? ExitCodes.of(t.reason()) : ExitCodes.UNEXPECTED;
    }

    private static String message(Exception ex, boolean debug) {
        if (ex instanceof TransferException t
                && t.getMessage() != null
                && !t.getMessage().isBlank()) {
            return t.getMessage();
        }
        if (ex instanceof TransferException t) {
            return "The transfer failed (" + t.reason() + ").";
        }
        return "Unexpected error: " + ex + (debug ? "." : " (run again with --debug for details).");
    }
}
