package dev.p2pcopy.protocol.message;

import java.util.List;

/**
 * HELLO: the first frame each peer sends after pairing.
 *
 * @param version protocol version, 1
 * @param role "send" or "receive": pairing two senders is caught here
 * @param codecs DATA codecs this peer can decode, by name ("none", "zstd")
 * @param chunkSize the sender's piece size; the receiver sends 0
 * @param encrypt whether this side seals the DATA it sends (a receiver sends none and says
 *     true); control frames are sealed either way
 * @param pairing the relay's pairing number this HELLO answers: frames the peer sent before
 *     its HELLO of the current pairing are left over from an earlier one and are dropped
 */
public record Hello(int version, String role, List<String> codecs, int chunkSize, boolean encrypt, long pairing) {
    /** Validates the fields; Jackson calls this for received frames too. */
    public Hello {
        Checks.require(version > 0, "HELLO has no valid version.");
        Checks.require("send".equals(role) || "receive".equals(role), "HELLO names an unknown role.");
        Checks.require(codecs != null && codecs.size() <= 16, "HELLO lists no valid codecs.");
        codecs = List.copyOf(codecs);
        Checks.require(chunkSize >= 0, "HELLO has a negative chunk size.");
        Checks.require(pairing >= 0, "HELLO has a negative pairing number.");
    }

    /** A HELLO for a room's first pairing. */
    public Hello(int version, String role, List<String> codecs, int chunkSize, boolean encrypt) {
        this(version, role, codecs, chunkSize, encrypt, 1);
    }
}
