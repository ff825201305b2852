package dev.p2pcopy.protocol.message;

/**
 * PAKE3: round 3 of EC-J-PAKE, both directions: key confirmation. A side whose code differs
 * cannot produce the tag the other side expects.
 *
 * @param mac the confirmation tag, base64-encoded
 */
public record Pake3(String mac) {
    /** Validates the fields. */
    public Pake3 {
        Checks.require(PakeProof.isScalar(mac), "PAKE3 carries no valid tag.");
    }
}
