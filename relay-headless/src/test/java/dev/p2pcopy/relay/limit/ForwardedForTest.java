package dev.p2pcopy.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    private static Optional<InetAddress> lastHop(String... values) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (String value : values) {
            headers.add("X-Forwarded-For", value);
        }
        return ForwardedFor.lastHop(headers);
    }

    @Test
    void takesTheLastEntryWhichOurProxyWrote() throws Exception {
        assertThat(lastHop("198.51.100.1")).contains(InetAddress.getByName("198.51.100.1"));
        assertThat(lastHop("10.9.9.9, 203.0.113.5 ,198.51.100.1")).contains(InetAddress.getByName("198.51.100.1"));
        assertThat(lastHop("10.9.9.9", "198.51.100.2")).contains(InetAddress.getByName("198.51.100.2"));
        assertThat(lastHop("10.9.9.9, 2001:db8::7")).contains(InetAddress.getByName("2001:db8::7"));
        assertThat(lastHop("[2001:db8::8]")).contains(InetAddress.getByName("2001:db8::8"));
    }

    @Test
    void ignoresAnythingThatIsNotAnAddress() {
        assertThat(lastHop()).isEmpty();
        assertThat(lastHop("")).isEmpty();
        assertThat(lastHop("198.51.100.1, unknown")).isEmpty();
        // A host name must not be looked up: an attacker would make the relay query DNS for every request.
        assertThat(lastHop("relay.example")).isEmpty();
        assertThat(lastHop("198.51.100.1:4711")).isEmpty();
    }
}
