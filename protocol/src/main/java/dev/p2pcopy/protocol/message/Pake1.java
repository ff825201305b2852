package dev.p2pcopy.protocol.message;

/**
 * PAKE1: round 1 of EC-J-PAKE, both directions. Points are SEC1-compressed and base64-encoded;
 * scalars are big-endian two's complement, base64-encoded.
 *
 * @param gx1 the first public point
 * @param gx2 the second public point
 * @param proof1 the Schnorr proof of knowledge for {@code gx1}
 * @param proof2 the Schnorr proof of knowledge for {@code gx2}
 */
public record Pake1(String gx1, String gx2, PakeProof proof1, PakeProof proof2) {
    /** Validates the fields. */
    public Pake1 {
        Checks.require(PakeProof.isPoint(gx1) && PakeProof.isPoint(gx2), "PAKE1 carries no valid points.");
        Checks.require(proof1 != null && proof2 != null, "PAKE1 carries no proofs.");
    }
}
