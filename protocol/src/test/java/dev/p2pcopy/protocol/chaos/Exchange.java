package dev.p2pcopy.protocol.chaos;

import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.ReconnectPolicy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.code.Code;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One transfer through the public API, sender and receiver in this JVM, and what came of it. The
 * test never retries: whatever happens to the connections, the engine has to finish by itself.
 *
 * @param code the code both sides used
 * @param sender the sender's states
 * @param receiver the receiver's states
 * @param sent the sender's result, or null if it failed
 * @param received the receiver's result, or null if it failed
 * @param failure why a side failed or did not end in time, or null
 * @param corrupt why the received files differ from the sent ones (or temporary files remain)
 *     although both sides succeeded, or null
 */
record Exchange(
        String code,
        StateLog sender,
        StateLog receiver,
        TransferResult sent,
        TransferResult received,
        String failure,
        String corrupt) {

    /** Options both sides share. */
    record Settings(URI relay, ReconnectPolicy reconnect, int chunkSize, Duration timeout) {}

    /** The room both sides join, as the proxy sees it. */
    String room() {
        return Code.parse(code).roomId();
    }

    /** Whether both sides succeeded and the files arrived intact. */
    boolean ok() {
        return failure == null && corrupt == null;
    }

    /** A line for failure messages. */
    String describe() {
        return code + ": " + (failure != null ? failure : corrupt) + "; sender " + sender + ", receiver " + receiver;
    }

    /**
     * Sends {@code data} with {@code code} and receives it into {@code out} (created if needed),
     * waits for both ends and checks the copy.
     */
    static Exchange run(
            Settings settings, String code, Datasets.Dataset data, Path out, StateLog senderLog, StateLog receiverLog) {
        TransferResult sent = null;
        TransferResult received = null;
        List<String> errors = new ArrayList<>();
        String corrupt = null;
        try {
            Files.createDirectories(out);
            Transfer sender = P2pCopy.send(
                    data.roots(),
                    SendOptions.builder(settings.relay())
                            .code(code)
                            .chunkSize(settings.chunkSize())
                            .reconnect(settings.reconnect())
                            .listener(senderLog)
                            .build());
            sender.code().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Transfer receiver = P2pCopy.receive(
                    code,
                    ReceiveOptions.builder(settings.relay(), out)
                            .reconnect(settings.reconnect())
                            .listener(receiverLog)
                            .build());
            sent = await(sender, "sender", settings.timeout(), errors);
            received = await(receiver, "receiver", settings.timeout(), errors);
            if (errors.isEmpty()) {
                try {
                    Datasets.assertReceived(data, out);
                } catch (AssertionError e) {
                    corrupt = e.getMessage();
                }
            }
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            errors.add("could not start: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("interrupted");
        }
        String failure = errors.isEmpty() ? null : String.join("; ", errors);
        return new Exchange(code, senderLog, receiverLog, sent, received, failure, corrupt);
    }

    private static TransferResult await(Transfer t, String side, Duration timeout, List<String> errors)
            throws InterruptedException {
        try {
            return t.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            errors.add(side + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            errors.add(side + " still running after " + timeout.toSeconds() + " s in state " + t.state());
            t.cancel();
        }
        return null;
    }

    /** Deletes a folder tree, e.g. a dataset or a copy that is no longer needed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
