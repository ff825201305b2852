package dev.p2pcopy.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCipherTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        new Random(1).nextBytes(KEY);
        new Random(2).nextBytes(OTHER_KEY);
    }

    /** The JDK refuses to encrypt twice in a row with one key and nonce, as the engine never does. */
    private static final AtomicLong SEQUENCES = new AtomicLong(100);

    private final FrameCipher cipher = new FrameCipher(KEY);
    private final long sequence = SEQUENCES.incrementAndGet();
    private final byte[] header = {4, 1, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 1 << 20, (1 << 20) + 17})
    void roundTripsEverySize(int size) throws Exception {
        byte[] plain = random(size);
        ByteBuffer sealed = seal(plain);

        assertThat(sealed.remaining()).isEqualTo(FrameCipher.sealedLength(size));
        assertThat(FrameCipher.openedLength(sealed.remaining())).isEqualTo(size);
        assertThat(open(cipher, header, sequence, sealed)).isEqualTo(plain);
    }

    @Test
    void sealedBytesDoNotContainThePlaintext() {
        byte[] plain = "a marker that must not show".repeat(100).getBytes();
        ByteBuffer sealed = seal(plain);
        assertThat(new String(sealed.array())).doesNotContain("marker");
    }

    @Test
    void everyFlippedBitFailsToOpen() {
        byte[] plain = random(40_000);
        byte[] sealed = seal(plain).array();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] copy = sealed.clone();
            int bit = random.nextInt(copy.length * 8);
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> open(cipher, header, sequence, ByteBuffer.wrap(copy)))
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void anotherSequenceHeaderOrKeyFailsToOpen() {
        ByteBuffer sealed = seal(random(100));
        byte[] otherHeader = header.clone();
        otherHeader[9] = 8;

        assertThatThrownBy(() -> open(cipher, header, sequence + 1, sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> open(cipher, otherHeader, sequence, sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> open(new FrameCipher(OTHER_KEY), header, sequence, sealed))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void recordsCannotBeSwappedOrDropped() {
        byte[] sealed = seal(random(3 * FrameCipher.RECORD_BYTES)).array();
        int stride = FrameCipher.RECORD_BYTES + FrameCipher.TAG_BYTES;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, 0, swapped, stride, stride);
        System.arraycopy(sealed, stride, swapped, 0, stride);
        byte[] truncated = java.util.Arrays.copyOf(sealed, 2 * stride);
        // A truncated frame must carry its new length in the header, which every record authenticates.
        byte[] truncatedHeader = header.clone();
        java.nio.ByteBuffer.wrap(truncatedHeader).putInt(10, truncated.length);

        assertThatThrownBy(() -> open(cipher, header, sequence, ByteBuffer.wrap(swapped)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> open(cipher, truncatedHeader, sequence, ByteBuffer.wrap(truncated)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 64 * 1024 + 16 + 15, 64 * 1024 + 16 + 16, 2 * (64 * 1024 + 16) + 16})
    void impossibleSealedLengthsAreRefused(int length) {
        assertThatThrownBy(() -> FrameCipher.openedLength(length)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void refusesKeysOfTheWrongSize() {
        assertThatThrownBy(() -> new FrameCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private ByteBuffer seal(byte[] plain) {
        byte[] out = new byte[FrameCipher.sealedLength(plain.length)];
        cipher.seal(header, sequence, plain, 0, plain.length, out, 0);
        return ByteBuffer.wrap(out);
    }

    @Test
    void sealsFromAndIntoOffsets() throws Exception {
        byte[] src = random(1000);
        byte[] out = new byte[5 + FrameCipher.sealedLength(990)];
        cipher.seal(header, sequence, src, 10, 990, out, 5);
        byte[] opened = open(cipher, header, sequence, ByteBuffer.wrap(out, 5, out.length - 5));
        assertThat(opened).isEqualTo(java.util.Arrays.copyOfRange(src, 10, 1000));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Opens a copy of {@code sealed} and returns exactly the plaintext. */
    private static byte[] open(FrameCipher cipher, byte[] header, long sequence, ByteBuffer sealed)
            throws GeneralSecurityException {
        byte[] copy = new byte[sealed.remaining()];
        sealed.duplicate().get(copy);
        int n = cipher.open(header, sequence, copy, 0, copy.length);
        return java.util.Arrays.copyOf(copy, n);
    }
}
