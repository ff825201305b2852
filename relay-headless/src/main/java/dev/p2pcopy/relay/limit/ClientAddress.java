package dev.p2pcopy.relay.limit;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The address a connection is counted and logged under: the TCP peer, or with {@code --trust-proxy} the address
 * the proxy put into {@code X-Forwarded-For}.
 */
public final class ClientAddress {

    private static final AttributeKey<InetAddress> KEY = AttributeKey.valueOf(ClientAddress.class, "client");

    private ClientAddress() {}

    /**
     * The client address of a connection.
     *
     * @param channel a peer's connection
     * @return the client's IP address as text, or {@code unknown}
     */
    public static String of(Channel channel) {
        InetAddress address = addressOf(channel);
        return address == null ? "unknown" : address.getHostAddress();
    }

    /**
     * The client address of a connection, as an address.
     *
     * @param channel a connection
     * @return the address set by {@link #set}, else the TCP peer's, or null if there is none (not a TCP socket)
     */
    static InetAddress addressOf(Channel channel) {
        InetAddress set = channel.attr(KEY).get();
        if (set != null) {
            return set;
        }
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress();
        }
        return null;
    }

    /**
     * Records the client's real address, e.g. taken from a trusted proxy header.
     *
     * @param channel the connection
     * @param address the client's address
     */
    static void set(Channel channel, InetAddress address) {
        channel.attr(KEY).set(address);
    }
}
