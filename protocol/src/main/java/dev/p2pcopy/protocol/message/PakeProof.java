package dev.p2pcopy.protocol.message;

import java.util.regex.Pattern;

/**
 * A Schnorr zero-knowledge proof inside a PAKE message.
 *
 * @param v the commitment point, SEC1-compressed, base64
 * @param r the response scalar, big-endian, base64
 */
public record PakeProof(String v, String r) {
    // A compressed P-256 point is 33 bytes (44 base64 characters); scalars are at most 33 bytes.
    private static final Pattern POINT = Pattern.compile("[A-Za-z0-9+/]{44}");
    private static final Pattern SCALAR = Pattern.compile("[A-Za-z0-9+/]{1,64}={0,2}");

    /** Validates the fields. */
    public PakeProof {
        Checks.require(isPoint(v) && isScalar(r), "A PAKE proof is malformed.");
    }

    static boolean isPoint(String s) {
        return s != null && POINT.matcher(s).matches();
    }

    static boolean isScalar(String s) {
        return s != null && SCALAR.matcher(s).matches();
    }
}
