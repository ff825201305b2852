package dev.p2pcopy.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.message.Hello;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionKeysTest {
    private static final byte[] SECRET = new byte[32];
    private static final byte[] TRANSCRIPT = {1, 2, 3};

    @Test
    void derivesThreeDistinctKeysDeterministically() {
        SessionKeys keys = SessionKeys.derive(SECRET, TRANSCRIPT);
        SessionKeys again = SessionKeys.derive(SECRET, TRANSCRIPT);

        assertThat(keys.sendToReceive()).hasSize(32).isEqualTo(again.sendToReceive());
        assertThat(keys.sendToReceive()).isNotEqualTo(keys.receiveToSend());
        assertThat(keys.hashMac()).isNotEqualTo(keys.sendToReceive()).isNotEqualTo(keys.receiveToSend());
        assertThat(keys.toString()).doesNotContain("[B").contains("redacted");
    }

    @Test
    void anotherTranscriptGivesOtherKeys() {
        SessionKeys keys = SessionKeys.derive(SECRET, TRANSCRIPT);
        SessionKeys altered = SessionKeys.derive(SECRET, new byte[] {1, 2, 4});

        assertThat(altered.sendToReceive()).isNotEqualTo(keys.sendToReceive());
        assertThat(altered.receiveToSend()).isNotEqualTo(keys.receiveToSend());
    }

    @Test
    void eachSideSealsWithItsOwnDirectionsKey() {
        SessionKeys keys = SessionKeys.derive(SECRET, TRANSCRIPT);

        assertThat(keys.sentBy("send")).isEqualTo(keys.sendToReceive());
        assertThat(keys.sentBy("receive")).isEqualTo(keys.receiveToSend());
    }

    @Test
    void bothSidesHashTheSameTranscriptAndAnyChangeShows() {
        Hello send = new Hello(1, "send", List.of("none", "zstd"), 1 << 20, true);
        Hello receive = new Hello(1, "receive", List.of("none", "zstd"), 0, true);
        Hello downgraded = new Hello(1, "send", List.of("none", "zstd"), 1 << 20, false);

        assertThat(Transcript.hash(send, receive)).hasSize(32).isEqualTo(Transcript.hash(receive, send));
        assertThat(Transcript.hash(downgraded, receive)).isNotEqualTo(Transcript.hash(send, receive));
    }

    @Test
    void hashMacBindsIndexAndHash() {
        HashMac mac = new HashMac(SessionKeys.derive(SECRET, TRANSCRIPT).hashMac());
        String hash = "ab".repeat(32);
        String tag = mac.tag(3, hash);

        assertThat(tag).matches("[0-9a-f]{64}");
        assertThat(mac.verify(3, hash, tag)).isTrue();
        assertThat(mac.verify(4, hash, tag)).isFalse();
        assertThat(mac.verify(3, "cd".repeat(32), tag)).isFalse();
        assertThat(new HashMac(new byte[32]).verify(3, hash, tag)).isFalse();
    }
}
