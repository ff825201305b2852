package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static int run(WatchedStream err, String... args) {
        CommandLine command = new CommandLine(new Broken());
        command.setErr(new PrintWriter(err.printStream(), true));
        command.setExecutionExceptionHandler(new FailureHandler());
        return command.execute(args);
    }
}
