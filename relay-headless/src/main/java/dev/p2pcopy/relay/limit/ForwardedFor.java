package dev.p2pcopy.relay.limit;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Reads the client address from {@code X-Forwarded-For} when the relay runs behind a proxy.
 *
 * <p>Only the LAST entry counts: a proxy appends the address it saw to whatever the client sent, so every earlier
 * entry is the client's own words and could be anything, while the last one was written by our proxy.
 */
final class ForwardedFor {

    private static final String HEADER = "X-Forwarded-For";

    private ForwardedFor() {}

    /**
     * The address the proxy in front of the relay saw.
     *
     * @param headers the request's headers
     * @return the last entry of the last {@code X-Forwarded-For} header, if it is an IP address
     */
    static Optional<InetAddress> lastHop(HttpHeaders headers) {
        List<String> values = headers.getAll(HEADER);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String list = values.get(values.size() - 1);
        String last = list.substring(list.lastIndexOf(',') + 1).strip();
        if (last.startsWith("[") && last.endsWith("]")) {
            last = last.substring(1, last.length() - 1);
        }
        // A literal only: a host name here must never cause a DNS lookup.
        return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(last));
    }
}
