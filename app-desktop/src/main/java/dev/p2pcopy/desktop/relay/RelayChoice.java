package dev.p2pcopy.desktop.relay;

import dev.p2pcopy.relay.RelayServer;
import java.net.URI;
import java.util.Objects;

/**
 * The relay a transfer should use, as chosen by {@link DefaultRelay}. Closing it stops the relay
 * this process started, if any; otherwise closing does nothing.
 */
public final class RelayChoice implements AutoCloseable {

    /** Where the relay came from. */
    public enum Source {
        /** Given explicitly by the caller (e.g. {@code --relay}). */
        GIVEN,
        /** Taken from the {@value DefaultRelay#ENVIRONMENT_VARIABLE} environment variable. */
        ENVIRONMENT,
        /** The default address, where a relay was already running. */
        RUNNING_DEFAULT,
        /** The default address, with a relay started inside this process because nothing listened. */
        EMBEDDED
    }

    private final URI uri;
    private final Source source;
    private final RelayServer embedded;

    private RelayChoice(URI uri, Source source, RelayServer embedded) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.source = source;
        this.embedded = embedded;
    }

    static RelayChoice of(URI uri, Source source) {
        return new RelayChoice(uri, source, null);
    }

    static RelayChoice embedded(URI uri, RelayServer server) {
        return new RelayChoice(uri, Source.EMBEDDED, server);
    }

    /** The relay's address, {@code ws://} or {@code wss://}. */
    public URI uri() {
        return uri;
    }

    /** Where the relay came from. */
    public Source source() {
        return source;
    }

    /** Stops the relay started inside this process, if this choice started one. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
