package dev.p2pcopy.protocol.crypto;

import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
import dev.p2pcopy.protocol.message.PakeProof;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKECurve;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKECurves;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKEParticipant;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKERound1Payload;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKERound2Payload;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKERound3Payload;
import org.bouncycastle.crypto.agreement.ecjpake.ECSchnorrZKP;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.math.ec.ECPoint;

/**
 * One side of EC-J-PAKE on P-256 over the transfer code (Bouncy Castle), translated to and from
 * the PAKE1–PAKE3 messages. Call the rounds in order: {@link #round1()}, {@link #receive1},
 * {@link #round2()}, {@link #receive2}, {@link #secret()}, {@link #round3()}, {@link #confirm}.
 * Both sides run the same steps; the participant ids are the two roles. One instance serves one
 * attempt: a wrong code is found in {@link #confirm} and there is no second try.
 */
public final class Pake {
    private static final ECJPAKECurve CURVE = ECJPAKECurves.NIST_P256;
    /** The shared secret as a fixed-size big-endian number. */
    private static final int SECRET_BYTES = 32;

    private final ECJPAKEParticipant participant;
    private final String peerId;
    private BigInteger keyingMaterial;

    /**
     * Starts one side of the exchange.
     *
     * @param ownId this side's role, e.g. {@code send}
     * @param peerId the other side's role
     * @param code the whole normalised code: the password
     */
    public Pake(String ownId, String peerId, String code) {
        this.participant =
                new ECJPAKEParticipant(ownId, code.toCharArray(), CURVE, new SHA256Digest(), new SecureRandom());
        this.peerId = peerId;
    }

    /** Our round-1 message. */
    public Pake1 round1() {
        ECJPAKERound1Payload p = participant.createRound1PayloadToSend();
        return new Pake1(
                point(p.getGx1()),
                point(p.getGx2()),
                proof(p.getKnowledgeProofForX1()),
                proof(p.getKnowledgeProofForX2()));
    }

    /**
     * Checks the peer's round-1 message.
     *
     * @throws ProtocolException if it is malformed or its proofs do not hold
     */
    public void receive1(Pake1 m) throws ProtocolException {
        ECJPAKERound1Payload p =
                new ECJPAKERound1Payload(peerId, point(m.gx1()), point(m.gx2()), proof(m.proof1()), proof(m.proof2()));
        try {
            participant.validateRound1PayloadReceived(p);
        } catch (CryptoException | RuntimeException e) {
            throw new ProtocolException("The other side's PAKE1 is not valid: " + e.getMessage(), e);
        }
    }

    /** Our round-2 message. */
    public Pake2 round2() {
        ECJPAKERound2Payload p = participant.createRound2PayloadToSend();
        return new Pake2(point(p.getA()), proof(p.getKnowledgeProofForX2s()));
    }

    /**
     * Checks the peer's round-2 message.
     *
     * @throws ProtocolException if it is malformed or its proof does not hold
     */
    public void receive2(Pake2 m) throws ProtocolException {
        ECJPAKERound2Payload p = new ECJPAKERound2Payload(peerId, point(m.a()), proof(m.proof()));
        try {
            participant.validateRound2PayloadReceived(p);
        } catch (CryptoException | RuntimeException e) {
            throw new ProtocolException("The other side's PAKE2 is not valid: " + e.getMessage(), e);
        }
        keyingMaterial = participant.calculateKeyingMaterial();
    }

    /**
     * The shared secret, 32 bytes. Equal on both sides only if both used the same code, which
     * {@link #confirm} proves; until then use it for nothing the peer could see.
     */
    public byte[] secret() {
        byte[] raw = keyingMaterial.toByteArray();
        byte[] fixed = new byte[SECRET_BYTES];
        int n = Math.min(raw.length, SECRET_BYTES);
        System.arraycopy(raw, raw.length - n, fixed, SECRET_BYTES - n, n);
        return fixed;
    }

    /** Our round-3 message: the key confirmation tag. */
    public Pake3 round3() {
        ECJPAKERound3Payload p = participant.createRound3PayloadToSend(keyingMaterial);
        return new Pake3(scalar(p.getMacTag()));
    }

    /**
     * Checks the peer's key confirmation.
     *
     * @throws CodeMismatchException if the peer used another code
     * @throws ProtocolException if the message is malformed
     */
    public void confirm(Pake3 m) throws CodeMismatchException, ProtocolException {
        ECJPAKERound3Payload p = new ECJPAKERound3Payload(peerId, scalar(m.mac()));
        try {
            participant.validateRound3PayloadReceived(p, keyingMaterial);
        } catch (CryptoException e) {
            throw new CodeMismatchException();
        } catch (RuntimeException e) {
            throw new ProtocolException("The other side's PAKE3 is not valid: " + e.getMessage(), e);
        }
    }

    private static String point(ECPoint p) {
        return Base64.getEncoder().encodeToString(p.getEncoded(true));
    }

    private static ECPoint point(String s) throws ProtocolException {
        try {
            return CURVE.getCurve().decodePoint(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("The other side sent a PAKE point that is not on the curve.", e);
        }
    }

    private static PakeProof proof(ECSchnorrZKP zkp) {
        return new PakeProof(point(zkp.getV()), scalar(zkp.getr()));
    }

    private static ECSchnorrZKP proof(PakeProof p) throws ProtocolException {
        return SchnorrProofs.of(point(p.v()), scalar(p.r()));
    }

    private static String scalar(BigInteger n) {
        return Base64.getEncoder().encodeToString(n.toByteArray());
    }

    private static BigInteger scalar(String s) throws ProtocolException {
        try {
            return new BigInteger(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("The other side sent a malformed PAKE number.", e);
        }
    }
}
