package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Starts sender and receiver sessions; {@link dev.p2pcopy.protocol.P2pCopy} is the public face
 * of this class.
 */
public final class Engine {
    private Engine() {}

    /** Starts sending {@code paths}; see {@link dev.p2pcopy.protocol.P2pCopy#send}. */
    public static Transfer send(List<Path> paths, SendOptions options) {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(options, "options");
        ProgressMeter meter = new ProgressMeter(options.listener(), System::nanoTime);
        TransferHandle handle = new TransferHandle(options.listener(), meter);
        new SenderSession(paths, options, handle, meter).start();
        return handle;
    }

    /** Starts receiving with {@code code}; see {@link dev.p2pcopy.protocol.P2pCopy#receive}. */
    public static Transfer receive(String code, ReceiveOptions options) {
        Objects.requireNonNull(options, "options");
        ProgressMeter meter = new ProgressMeter(options.listener(), System::nanoTime);
        TransferHandle handle = new TransferHandle(options.listener(), meter);
        new ReceiverSession(code, options, handle, meter).start();
        return handle;
    }
}
