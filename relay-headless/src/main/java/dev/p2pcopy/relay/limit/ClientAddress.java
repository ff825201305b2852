package dev.p2pcopy.relay.limit;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The address a connection is counted and logged under. */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * The client address of a connection.
     *
     * @param channel a peer's connection
     * @return the client's IP address as text, or {@code unknown}
     */
    public static String of(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "unknown";
    }
}
