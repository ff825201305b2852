package dev.p2pcopy.protocol.message;

/**
 * PAKE2: round 2 of EC-J-PAKE, both directions.
 *
 * @param a the combined public point, encoded like {@link Pake1}'s
 * @param proof the Schnorr proof of knowledge for {@code a}
 */
public record Pake2(String a, PakeProof proof) {
    /** Validates the fields. */
    public Pake2 {
        Checks.require(PakeProof.isPoint(a), "PAKE2 carries no valid point.");
        Checks.require(proof != null, "PAKE2 carries no proof.");
    }
}
