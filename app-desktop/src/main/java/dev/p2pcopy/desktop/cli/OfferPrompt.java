package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.OfferHandler;
import dev.p2pcopy.protocol.manifest.Manifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The receiver's question: "Receive 3 files (1.2 GiB): photos, notes.txt, ...? [y/N] ". Only
 * "y" or "yes" accepts; anything else, or the end of input, declines. With {@code --yes} it
 * only says what is coming.
 */
final class OfferPrompt implements OfferHandler {
    /** stdin cannot be interrupted, so the question waits on a thread that never holds up exit. */
    private static final Executor PROMPT_THREAD = task -> {
        Thread thread = new Thread(task, "p2p-copy-prompt");
        thread.setDaemon(true);
        thread.start();
    };

    private final CliEnvironment env;
    private final boolean assumeYes;

    OfferPrompt(CliEnvironment env, boolean assumeYes) {
        this.env = env;
        this.assumeYes = assumeYes;
    }

    @Override
    public CompletionStage<Boolean> onOffer(Manifest manifest) {
        if (assumeYes) {
            env.err().println("Receiving " + Summaries.offer(manifest));
            return CompletableFuture.completedFuture(true);
        }
        return CompletableFuture.supplyAsync(() -> ask(manifest), PROMPT_THREAD);
    }

    private boolean ask(Manifest manifest) {
        PrintStream err = env.err();
        err.print("Receive " + Summaries.offer(manifest) + "? [y/N] ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(env.in())).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the answer", e);
        }
        if (answer == null) {
            // End of input: nobody is there to say yes. End the prompt's line.
            err.println();
            return false;
        }
        if (!env.interactive()) {
            // A piped answer is not echoed by a terminal: echo it so the prompt's line ends.
            err.println(answer);
        }
        String normalised = answer.strip().toLowerCase(Locale.ROOT);
        return normalised.equals("y") || normalised.equals("yes");
    }
}
