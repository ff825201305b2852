package dev.p2pcopy.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The relay as its own process, the way operators run it, on 127.0.0.1 and a free port. */
final class RelayProcess {
    final Process process;
    private final BufferedReader out;

    private RelayProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@link RelayMain} with this test's class path; standard error is discarded. */
    static RelayProcess start(String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                RelayMain.class.getName(),
                "--port",
                "0",
                "--host",
                "127.0.0.1"));
        return new RelayProcess(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start());
    }

    /** The next line of standard output, or null at its end; fails after {@code seconds}. */
    String readLine(int seconds) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(seconds, TimeUnit.SECONDS);
    }
}
