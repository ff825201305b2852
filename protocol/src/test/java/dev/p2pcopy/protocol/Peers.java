package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/** Runs a real sender and a real receiver against each other through the public API. */
final class Peers {
    /** Small chunks make the edge cases cheap. */
    static final int CHUNK = SendOptions.MIN_CHUNK_SIZE;

    private Peers() {}

    /** Both sides of one transfer. */
    record Run(Transfer sender, Transfer receiver, String code) {
        TransferResult sent() throws InterruptedException, ExecutionException, TimeoutException {
            return sender.result().get(60, TimeUnit.SECONDS);
        }

        TransferResult received() throws InterruptedException, ExecutionException, TimeoutException {
            return receiver.result().get(60, TimeUnit.SECONDS);
        }

        /** Waits for both ends, whatever the outcome. */
        Run settle() {
            for (Transfer t : List.of(sender, receiver)) {
                try {
                    t.result().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // outcome inspected by the test
                } catch (InterruptedException | TimeoutException e) {
                    throw new AssertionError("transfer did not end", e);
                }
            }
            return this;
        }
    }

    /** Starts sending {@code sources}, waits for the code, then starts receiving into {@code out}. */
    static Run start(
            URI relay,
            List<Path> sources,
            Path out,
            UnaryOperator<SendOptions.Builder> sendOptions,
            UnaryOperator<ReceiveOptions.Builder> receiveOptions)
            throws Exception {
        Transfer sender = P2pCopy.send(
                sources,
                sendOptions.apply(SendOptions.builder(relay).chunkSize(CHUNK)).build());
        String code = sender.code().get(20, TimeUnit.SECONDS);
        Transfer receiver = P2pCopy.receive(
                code, receiveOptions.apply(ReceiveOptions.builder(relay, out)).build());
        return new Run(sender, receiver, code);
    }

    /** A transfer with default options (small chunks). */
    static Run start(URI relay, List<Path> sources, Path out) throws Exception {
        return start(relay, sources, out, b -> b, b -> b);
    }

    /** Waits for {@code transfer} to fail and returns why; an assertion error if it succeeds. */
    static TransferException failure(Transfer transfer) {
        try {
            transfer.result().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TransferException.class);
            return (TransferException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the transfer succeeded");
    }
}
