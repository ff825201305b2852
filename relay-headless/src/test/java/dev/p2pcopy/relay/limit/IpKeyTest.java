package dev.p2pcopy.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpKeyTest {

    private static IpKey key(String address) throws Exception {
        return IpKey.of(InetAddress.getByName(address));
    }

    @Test
    void countsIpv4PerAddress() throws Exception {
        assertThat(key("192.0.2.7")).isEqualTo(key("192.0.2.7"));
        assertThat(key("192.0.2.7")).isNotEqualTo(key("192.0.2.8"));
        assertThat(key("255.254.253.252")).hasToString("255.254.253.252");
    }

    @Test
    void countsIpv6PerSlash64() throws Exception {
        IpKey one = key("2001:db8:0:1::1");
        assertThat(key("2001:db8:0:1:ffff:ffff:ffff:ffff")).isEqualTo(one);
        assertThat(key("2001:db8:0:1:abcd::42")).isEqualTo(one);
        assertThat(key("2001:db8:0:2::1")).isNotEqualTo(one);
        assertThat(key("2001:db9:0:1::1")).isNotEqualTo(one);
        assertThat(one).hasToString("2001:db8:0:1::/64");
    }

    @Test
    void countsAnIpv4MappedAddressAsTheIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7};
        // InetAddress turns a mapped address into an Inet4Address itself; IpKey must agree either way.
        assertThat(IpKey.of(InetAddress.getByAddress(mapped))).isEqualTo(key("192.0.2.7"));
        assertThat(IpKey.of(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .isEqualTo(key("192.0.2.7"));
    }

    @Test
    void keepsIpv4AndIpv6Apart() throws Exception {
        assertThat(key("0.0.0.1")).isNotEqualTo(key("::1"));
        assertThat(key("::1")).isEqualTo(key("::2"));
    }
}
