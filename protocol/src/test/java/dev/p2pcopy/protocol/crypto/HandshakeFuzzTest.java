package dev.p2pcopy.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.fuzz.Fuzz;
import dev.p2pcopy.protocol.fuzz.MessageTypes;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
import dev.p2pcopy.protocol.message.PakeProof;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds random and mutated PAKE1–PAKE3 messages through what a peer does with them: {@link
 * ControlCodec#decode}, then {@link Pake#receive1}, {@link Pake#receive2} or {@link Pake#confirm}.
 * Only {@link ProtocolException} (and, for the key confirmation, {@link CodeMismatchException})
 * may come out, and a message that was altered is never accepted.
 *
 * <p>Checking a proof costs a few elliptic-curve multiplications, and an EC-J-PAKE side checks
 * each round once, so most cases go to one side that has already checked its rounds: it still
 * decodes every point and number of a message before it refuses a second round. A few hundred
 * cases get a fresh side that checks the proofs. Rounds 2 and 3 depend on an honest run with
 * fresh randomness, so those cases replay exactly only with their seed's mutation, not their
 * bytes. See {@link Fuzz} for other seeds and more cases.
 */
@Timeout(120)
class HandshakeFuzzTest {
    private static final String CODE = "7-fuzz-sample-code";
    private static final List<FrameType> ROUNDS = List.of(FrameType.PAKE1, FrameType.PAKE2, FrameType.PAKE3);

    /** Every message is decoded down to its points and numbers by a side that has finished its checks. */
    @Test
    void decodingPakeMessages() throws Exception {
        Pake spent = finishedSide();
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        Fuzz.run("pake-decode", 14_000, (random, i) -> {
            FrameType round = ROUNDS.get(random.nextInt(ROUNDS.size()));
            byte[] payload = random.nextInt(4) == 0
                    ? randomPointsJson(random, round)
                    : Fuzz.mutate(random, MessageTypes.samples().get(round).getBytes(StandardCharsets.UTF_8));
            meter.within(512 * 1024 + 32L * payload.length, () -> round + " " + Fuzz.show(payload), () -> {
                receive(spent, round, payload);
                return null;
            });
        });
    }

    @Test
    void round1MessagesAlteredInTransitAreRefused() {
        byte[] honest = MessageTypes.samples().get(FrameType.PAKE1).getBytes(StandardCharsets.UTF_8);
        Pake1 original = decodeOrNull(FrameType.PAKE1, honest, Pake1.class);
        Fuzz.run("pake1-fresh", 300, (random, i) -> {
            byte[] payload = Fuzz.mutate(random, honest);
            Pake receiver = new Pake("receive", "send", CODE);
            if (receive(receiver, FrameType.PAKE1, payload)) {
                assertSameValues(original, decodeOrNull(FrameType.PAKE1, payload, Pake1.class), payload);
            }
        });
    }

    @Test
    void round2MessagesAlteredInTransitAreRefused() {
        Fuzz.run("pake2-fresh", 50, (random, i) -> {
            Pake send = new Pake("send", "receive", CODE);
            Pake receive = new Pake("receive", "send", CODE);
            runRound1(send, receive);
            Pake2 honest = send.round2();
            byte[] payload = Fuzz.mutate(random, ControlCodec.encode(honest));
            if (receive(receive, FrameType.PAKE2, payload)) {
                Pake2 got = decodeOrNull(FrameType.PAKE2, payload, Pake2.class);
                assertThat(bytes(got.a())).as(Fuzz.show(payload)).isEqualTo(bytes(honest.a()));
                assertSameProof(honest.proof(), got.proof(), payload);
            }
        });
    }

    @Test
    void keyConfirmationsAlteredInTransitAreRefused() {
        Fuzz.run("pake3-fresh", 40, (random, i) -> {
            Pake send = new Pake("send", "receive", CODE);
            Pake receive = new Pake("receive", "send", CODE);
            runRound1(send, receive);
            Pake2 fromSend = send.round2();
            send.receive2(receive.round2());
            receive.receive2(fromSend);
            Pake3 honest = send.round3();
            byte[] payload = Fuzz.mutate(random, ControlCodec.encode(honest));
            if (receive(receive, FrameType.PAKE3, payload)) {
                Pake3 got = decodeOrNull(FrameType.PAKE3, payload, Pake3.class);
                assertThat(scalar(got.mac())).as(Fuzz.show(payload)).isEqualTo(scalar(honest.mac()));
            }
        });
    }

    /**
     * Decodes {@code payload} as a {@code round} message and hands it to {@code side}.
     *
     * @return whether the side accepted it
     */
    private static boolean receive(Pake side, FrameType round, byte[] payload) {
        try {
            switch (round) {
                case PAKE1 -> side.receive1(ControlCodec.decode(frame(round, payload), Pake1.class));
                case PAKE2 -> side.receive2(ControlCodec.decode(frame(round, payload), Pake2.class));
                default -> side.confirm(ControlCodec.decode(frame(round, payload), Pake3.class));
            }
            return true;
        } catch (ProtocolException | CodeMismatchException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(round + " " + Fuzz.show(payload) + " threw " + e, e);
        }
    }

    /** A side that has run all three rounds, so that it checks no round again. */
    private static Pake finishedSide() throws Exception {
        Pake send = new Pake("send", "receive", CODE);
        Pake receive = new Pake("receive", "send", CODE);
        runRound1(send, receive);
        Pake2 fromSend = send.round2();
        send.receive2(receive.round2());
        receive.receive2(fromSend);
        receive.confirm(send.round3());
        return receive;
    }

    private static void runRound1(Pake send, Pake receive) throws ProtocolException {
        Pake1 fromSend = send.round1();
        send.receive1(receive.round1());
        receive.receive1(fromSend);
    }

    /** A message of the right shape whose points are random 33-byte encodings, about half of them on the curve. */
    private static byte[] randomPointsJson(Random random, FrameType round) {
        String json = switch (round) {
            case PAKE1 ->
                "{\"gx1\":\"" + point(random) + "\",\"gx2\":\"" + point(random) + "\",\"proof1\":" + proof(random)
                        + ",\"proof2\":" + proof(random) + "}";
            case PAKE2 -> "{\"a\":\"" + point(random) + "\",\"proof\":" + proof(random) + "}";
            default -> "{\"mac\":\"" + scalar(random) + "\"}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String proof(Random random) {
        return "{\"v\":\"" + point(random) + "\",\"r\":\"" + scalar(random) + "\"}";
    }

    private static String point(Random random) {
        byte[] encoded = new byte[33];
        random.nextBytes(encoded);
        encoded[0] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 2 + random.nextInt(2));
        if (random.nextInt(8) == 0) {
            Arrays.fill(encoded, 1, 33, (byte) (random.nextBoolean() ? 0 : 0xff)); // x = 0 or x >= p
        }
        return Base64.getEncoder().encodeToString(encoded);
    }

    private static String scalar(Random random) {
        byte[] value = new byte[1 + random.nextInt(33)];
        random.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static <T> T decodeOrNull(FrameType round, byte[] payload, Class<T> type) {
        try {
            return ControlCodec.decode(frame(round, payload), type);
        } catch (ProtocolException e) {
            return null;
        }
    }

    private static void assertSameValues(Pake1 expected, Pake1 actual, byte[] payload) {
        assertThat(actual)
                .as("accepted but not decodable: %s", Fuzz.show(payload))
                .isNotNull();
        assertThat(bytes(actual.gx1())).as(Fuzz.show(payload)).isEqualTo(bytes(expected.gx1()));
        assertThat(bytes(actual.gx2())).as(Fuzz.show(payload)).isEqualTo(bytes(expected.gx2()));
        assertSameProof(expected.proof1(), actual.proof1(), payload);
        assertSameProof(expected.proof2(), actual.proof2(), payload);
    }

    private static void assertSameProof(PakeProof expected, PakeProof actual, byte[] payload) {
        assertThat(bytes(actual.v())).as(Fuzz.show(payload)).isEqualTo(bytes(expected.v()));
        assertThat(scalar(actual.r())).as(Fuzz.show(payload)).isEqualTo(scalar(expected.r()));
    }

    private static byte[] bytes(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** A scalar's value: base64 that differs only in ignored padding bits is the same number. */
    private static BigInteger scalar(String base64) {
        return new BigInteger(bytes(base64));
    }

    private static Frame frame(FrameType type, byte[] payload) {
        return new Frame(type, 0, 0, ByteBuffer.wrap(payload).asReadOnlyBuffer());
    }
}
