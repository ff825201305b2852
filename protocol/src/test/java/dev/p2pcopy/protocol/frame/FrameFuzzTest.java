package dev.p2pcopy.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.crypto.FrameCipher;
import dev.p2pcopy.protocol.fuzz.Fuzz;
import dev.p2pcopy.protocol.fuzz.MessageTypes;
import dev.p2pcopy.protocol.message.ControlCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds random and mutated frames to the frame decoder ({@link FrameCodec#decode}, {@link
 * FrameReader}, with and without keys) and to the payload parsers behind it ({@link
 * DataFrame#parse}, {@link ControlCodec#decode}): a {@link ProtocolException} is the only thing
 * that may come out, a sealed frame cannot be altered unnoticed, and no decoder allocates in
 * proportion to a length the input merely claims. See {@link Fuzz} for other seeds and more
 * cases.
 */
@Timeout(120)
class FrameFuzzTest {
    /** Bytes a decoder may allocate for any input: exception, message, views, JSON parser state. */
    private static final long ALLOCATION_ALLOWANCE = 256 * 1024;

    @Test
    void randomBytes() {
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        Fuzz.run("frame-random-bytes", 15_000, (random, i) -> {
            byte[] input = Fuzz.randomBytes(random, 512);
            if (input.length >= FrameCodec.HEADER_BYTES && random.nextBoolean()) {
                // Make the header plausible so that the input reaches the length checks and the body parsers.
                input[0] = (byte) (1 + random.nextInt(FrameType.values().length));
                input[1] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 0);
                ByteBuffer.wrap(input, 10, 4).putInt(input.length - FrameCodec.HEADER_BYTES);
            }
            decodeWithin(meter, input, FrameReader::new);
        });
    }

    @Test
    void mutatedClearFrames() {
        List<byte[]> corpus = clearCorpus();
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        int[] accepted = new int[1];
        Fuzz.run("frame-mutated-clear", 25_000, (random, i) -> {
            byte[] input = mutateFrame(random, corpus.get(random.nextInt(corpus.size())));
            if (decodeWithin(meter, input, FrameReader::new) != null) {
                accepted[0]++;
            }
        });
        // Some mutants must survive the header and the payload parser, or the deeper code went untested.
        if (!Fuzz.replaying()) {
            assertThat(accepted[0]).isGreaterThan(Fuzz.cases(25_000) / 200);
        }
    }

    @Test
    void mutatedSealedFramesNeverOpen() {
        List<byte[]> corpus = sealedCorpus();
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        Fuzz.run("frame-mutated-sealed", 8_000, (random, i) -> {
            int pick = random.nextInt(corpus.size());
            byte[] original = corpus.get(pick);
            byte[] input = mutateFrame(random, original);
            // The reader opens sealed frames in place, so keep what arrived for the comparison.
            byte[] arrived = input.clone();
            boolean clearData = random.nextBoolean();
            FrameCipher cipher = new FrameCipher(key(pick));
            Frame frame = decodeWithin(meter, input, () -> {
                FrameReader reader = new FrameReader();
                reader.startOpening(cipher, clearData);
                return reader;
            });
            if (frame != null && !clearData) {
                assertThat(arrived).as("an altered sealed frame was accepted").isEqualTo(original);
            }
        });
    }

    @Test
    void lengthFieldsThatLie() {
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        Fuzz.run("frame-length-fields", 8_000, (random, i) -> {
            FrameType type = FrameType.values()[random.nextInt(FrameType.values().length)];
            byte[] input = new byte[FrameCodec.HEADER_BYTES + random.nextInt(64)];
            random.nextBytes(input);
            long claimed = random.nextBoolean() ? Fuzz.interesting(random) : random.nextInt();
            ByteBuffer.wrap(input)
                    .put((byte) type.code())
                    .put((byte) (random.nextBoolean() ? 0 : FrameCodec.FLAG_SEALED))
                    .putLong(0)
                    .putInt((int) claimed);
            Frame frame = decodeWithin(meter, input, FrameReader::new);
            if (frame != null) {
                assertThat((int) claimed).isEqualTo(input.length - FrameCodec.HEADER_BYTES);
            }
        });
    }

    @Test
    void dataPayloads() {
        byte[] valid = validDataPayload();
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        Fuzz.run("data-payloads", 10_000, (random, i) -> {
            byte[] payload = random.nextBoolean() ? Fuzz.randomBytes(random, 96) : Fuzz.mutate(random, valid);
            Frame frame =
                    new Frame(FrameType.DATA, 0, 0, ByteBuffer.wrap(payload).asReadOnlyBuffer());
            DataFrame data = meter.within(ALLOCATION_ALLOWANCE, () -> "DATA payload " + Fuzz.show(payload), () -> {
                try {
                    return DataFrame.parse(frame);
                } catch (ProtocolException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                    return null;
                } catch (RuntimeException e) {
                    throw new AssertionError("DATA payload " + Fuzz.show(payload) + " threw " + e, e);
                }
            });
            if (data != null) {
                assertThat(data.fileIndex()).isNotNegative();
                assertThat(data.offset()).isNotNegative();
                assertThat(data.rawLength()).isBetween(0, DataFrame.MAX_DATA_BYTES);
                assertThat(data.content().remaining()).isEqualTo(payload.length - DataFrame.HEADER_BYTES);
            }
        });
    }

    /** A frame claiming up to 4 GiB with a 20-byte body is refused without allocating for the claim. */
    @Test
    void hugeClaimsAreRefusedWithoutAllocating() {
        Fuzz.Allocation meter = Fuzz.Allocation.meter();
        long[] claims = {0x7fffffffL, 0x80000000L, 0xffffffffL, FrameType.DATA.maxPayload(), 16L << 20, 1L << 20};
        int refused = 0;
        long allocated = 0;
        long largest = 0;
        for (int round = 0; round < 300; round++) {
            for (long claim : claims) {
                for (FrameType type : FrameType.values()) {
                    byte[] input = new byte[FrameCodec.HEADER_BYTES + 20];
                    ByteBuffer.wrap(input)
                            .put((byte) type.code())
                            .put((byte) (round % 2 == 0 ? 0 : FrameCodec.FLAG_SEALED))
                            .putLong(0)
                            .putInt((int) claim);
                    long before = meter.allocated();
                    try {
                        new FrameReader().read(ByteBuffer.wrap(input));
                    } catch (ProtocolException expected) {
                        refused++;
                    }
                    long used = meter.allocated() - before;
                    if (round >= 10) { // the first rounds load the classes of each refusal
                        allocated += used;
                        largest = Math.max(largest, used);
                    }
                }
            }
        }
        assertThat(refused).isEqualTo(300 * claims.length * FrameType.values().length);
        // An exception with its message and stack trace: a few KiB at most, nowhere near a claimed MiB.
        assertThat(largest).as("most bytes allocated for one refused frame").isLessThan(64 * 1024);
        assertThat(allocated / (290 * claims.length * FrameType.values().length))
                .as("bytes allocated per refused frame")
                .isLessThan(8 * 1024);
    }

    /**
     * Decodes {@code input} as a peer's message and its payload as the frame type says.
     *
     * @return the frame, or null if it was refused with a ProtocolException
     */
    private static Frame decodeWithin(Fuzz.Allocation meter, byte[] input, Supplier<FrameReader> readers) {
        return meter.within(
                ALLOCATION_ALLOWANCE + 16L * input.length,
                () -> "decoding " + Fuzz.show(input),
                () -> decode(input, readers.get()));
    }

    private static Frame decode(byte[] input, FrameReader reader) {
        try {
            Frame frame = reader.read(ByteBuffer.wrap(input));
            parsePayload(frame);
            return frame;
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return null;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("input " + Fuzz.show(input) + " threw " + e, e);
        }
    }

    private static void parsePayload(Frame frame) throws ProtocolException {
        if (frame.type() == FrameType.DATA) {
            DataFrame.parse(frame);
            return;
        }
        Class<?> message = MessageTypes.of(frame.type());
        if (message != null) {
            ControlCodec.decode(frame, message);
        }
    }

    /** Header-aware mutations half of the time, blind byte mutations otherwise. */
    private static byte[] mutateFrame(Random random, byte[] frame) {
        if (random.nextBoolean()) {
            return Fuzz.mutate(random, frame);
        }
        byte[] out = frame.clone();
        ByteBuffer header = ByteBuffer.wrap(out);
        switch (random.nextInt(5)) {
            case 0 -> out[0] = (byte) random.nextInt(256);
            case 1 -> out[1] = (byte) (1 << random.nextInt(8) | (random.nextBoolean() ? out[1] : 0));
            case 2 -> header.putLong(2, random.nextBoolean() ? Fuzz.interesting(random) : random.nextLong());
            case 3 -> header.putInt(10, (int) (random.nextBoolean() ? Fuzz.interesting(random) : random.nextInt()));
            default -> {
                int length = header.getInt(10) + random.nextInt(33) - 16;
                header.putInt(10, length);
            }
        }
        return out;
    }

    /** Valid clear frames of every type: the mutation bases. */
    private static List<byte[]> clearCorpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (Map.Entry<FrameType, String> sample : MessageTypes.samples().entrySet()) {
            corpus.add(
                    new FrameWriter().control(sample.getKey(), sample.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        FrameWriter writer = new FrameWriter();
        byte[] data = FrameWriter.newDataFrame(40);
        Arrays.fill(data, DataFrame.CONTENT_OFFSET, data.length, (byte) 'x');
        EncodedFrame encoded = writer.finishData(data, 1, 0, DataCodec.NONE, 40, 40);
        corpus.add(Arrays.copyOf(encoded.bytes(), encoded.length()));
        return corpus;
    }

    /**
     * Valid sealed frames of every type, each the first of its direction under its own key
     * ({@link #key}: the JDK refuses to seal twice with one key and nonce).
     */
    private static List<byte[]> sealedCorpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (Map.Entry<FrameType, String> sample : MessageTypes.samples().entrySet()) {
            FrameWriter writer = new FrameWriter();
            writer.startSealing(new FrameCipher(key(corpus.size())), true);
            corpus.add(writer.control(sample.getKey(), sample.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        FrameWriter writer = new FrameWriter();
        writer.startSealing(new FrameCipher(key(corpus.size())), true);
        byte[] data = FrameWriter.newDataFrame(40);
        EncodedFrame encoded = writer.finishData(data, 0, 0, DataCodec.NONE, 40, 40);
        corpus.add(Arrays.copyOf(encoded.bytes(), encoded.length()));
        return corpus;
    }

    private static byte[] key(int index) {
        byte[] key = new byte[FrameCipher.KEY_BYTES];
        key[0] = (byte) index;
        return key;
    }

    private static byte[] validDataPayload() {
        byte[] frame = clearCorpus().get(MessageTypes.samples().size());
        return Arrays.copyOfRange(frame, FrameCodec.HEADER_BYTES, frame.length);
    }
}
