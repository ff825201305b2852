package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class FailureHandlerTest {
    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    @Command(name = "mismatched")
    static final class WrongCode implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new TransferException(FailureReason.WRONG_CODE, WRONG_CODE_SENTENCE);
        }
    }

    private static final String WRONG_CODE_SENTENCE =
            "The code does not match: both sides must use exactly the same code. Nothing was transferred.";

    @Test
    void anUnexpectedErrorIsExit1WithOneSentence() {
        WatchedStream err = new WatchedStream();

        int exit = run(err);

        assertThat(exit).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(err.text())
                .isEqualTo("p2p-copy: Unexpected error: java.lang.IllegalStateException: boom"
                        + " (run again with --debug for details)." + System.lineSeparator());
    }

    @Test
    void withDebugTheStackTraceFollows() {
        WatchedStream err = new WatchedStream();

        int exit = run(err, "--debug");

        assertThat(exit).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(err.text())
                .startsWith(
                        "p2p-copy: Unexpected error: java.lang.IllegalStateException: boom." + System.lineSeparator())
                .contains("\tat " + Broken.class.getName());
    }

    @Test
    void aWrongCodeIsExit11WithTheEnginesSentenceAlone() {
        WatchedStream err = new WatchedStream();
        CommandLine command = new CommandLine(new WrongCode());
        command.setErr(new PrintWriter(err.printStream(), true));
        command.setExecutionExceptionHandler(new FailureHandler());

        int exit = command.execute();

        assertThat(exit).isEqualTo(ExitCodes.WRONG_CODE).isEqualTo(11);
        assertThat(err.text()).isEqualTo("p2p-copy: " + WRONG_CODE_SENTENCE + System.lineSeparator());
    }

    private static int run(WatchedStream err, String... args) {
        CommandLine command = new CommandLine(new Broken());
        command.setErr(new PrintWriter(err.printStream(), true));
        command.setExecutionExceptionHandler(new FailureHandler());
        return command.execute(args);
    }
}
