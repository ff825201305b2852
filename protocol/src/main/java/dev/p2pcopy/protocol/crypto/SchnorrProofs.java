package dev.p2pcopy.protocol.crypto;

import java.lang.reflect.Constructor;
import java.math.BigInteger;
import org.bouncycastle.crypto.agreement.ecjpake.ECSchnorrZKP;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Rebuilds Bouncy Castle's Schnorr proofs from the wire. Bouncy Castle leaves the constructor of
 * {@link ECSchnorrZKP} package-private (it only ever builds proofs for its own participant), so a
 * proof received from a peer can only be rebuilt through it reflectively; BC validates the proof
 * itself afterwards.
 */
final class SchnorrProofs {
    private static final Constructor<ECSchnorrZKP> CONSTRUCTOR = constructor();

    private SchnorrProofs() {}

    static ECSchnorrZKP of(ECPoint v, BigInteger r) {
        try {
            return CONSTRUCTOR.newInstance(v, r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Bouncy Castle's EC-J-PAKE proofs cannot be rebuilt", e);
        }
    }

    private static Constructor<ECSchnorrZKP> constructor() {
        try {
            Constructor<ECSchnorrZKP> c = ECSchnorrZKP.class.getDeclaredConstructor(ECPoint.class, BigInteger.class);
            c.setAccessible(true);
            return c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This Bouncy Castle version has no usable EC-J-PAKE proof constructor", e);
        }
    }
}
