package dev.p2pcopy.protocol;

import dev.p2pcopy.protocol.engine.Engine;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of the Java API: send files to, or receive them from, another computer through a
 * relay.
 *
 * <pre>{@code
 * Transfer send = P2pCopy.send(List.of(Path.of("photos")), SendOptions.builder(relay).build());
 * System.out.println("Code: " + send.code().join());
 * send.result().join();
 * }</pre>
 */
public final class P2pCopy {
    private P2pCopy() {}

    /**
     * Starts sending {@code paths} (files and folders, folders recursively). Returns at once;
     * the code becomes available through {@link Transfer#code()}.
     */
    public static Transfer send(List<Path> paths, SendOptions options) {
        return Engine.send(paths, options);
    }

    /** Starts receiving with {@code code} (normalised: case, spaces and dashes do not matter). */
    public static Transfer receive(String code, ReceiveOptions options) {
        return Engine.receive(code, options);
    }
}
