package dev.p2pcopy.relay.limit;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * What the per-address limits count under: an IPv4 address, or the /64 network of an IPv6 address, because one
 * IPv6 customer usually gets a whole /64 and could otherwise take a new address for every connection. An
 * IPv4-mapped IPv6 address counts as its IPv4 address.
 *
 * @param bits the IPv4 address, or the first 64 bits of the IPv6 address
 * @param ipv6 whether {@code bits} is an IPv6 /64 prefix
 */
public record IpKey(long bits, boolean ipv6) {

    /**
     * The key of an address.
     *
     * @param address an IPv4 or IPv6 address
     * @return its key
     */
    public static IpKey of(InetAddress address) {
        byte[] raw = address.getAddress();
        if (raw.length == 4) {
            return new IpKey(Integer.toUnsignedLong(ByteBuffer.wrap(raw).getInt()), false);
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        long high = bytes.getLong();
        long low = bytes.getLong();
        if (high == 0 && (low >>> 32) == 0xFFFFL) {
            return new IpKey(low & 0xFFFF_FFFFL, false);
        }
        return new IpKey(high, true);
    }

    /** @return {@code 192.0.2.7} or {@code 2001:db8:0:1::/64} */
    @Override
    public String toString() {
        if (!ipv6) {
            return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
        }
        StringBuilder text = new StringBuilder();
        for (int shift = 48; shift >= 0; shift -= 16) {
            text.append(Long.toHexString((bits >>> shift) & 0xFFFF)).append(':');
        }
        return text.append(":/64").toString();
    }
}
