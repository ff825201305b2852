package dev.p2pcopy.protocol.message;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Encodes control messages as UTF-8 JSON payloads and decodes them strictly: the frame type must
 * match the message, every field must be present and valid.
 */
public final class ControlCodec {
    /** Most entries one manifest may list. */
    public static final int MAX_MANIFEST_ENTRIES = Manifest.MAX_ENTRIES;

    private static final Map<Class<?>, FrameType> TYPES = Map.ofEntries(
            Map.entry(Hello.class, FrameType.HELLO),
            Map.entry(Manifest.class, FrameType.MANIFEST),
            Map.entry(Accept.class, FrameType.ACCEPT),
            Map.entry(FileEnd.class, FrameType.FILE_END),
            Map.entry(Ack.class, FrameType.ACK),
            Map.entry(ErrorMessage.class, FrameType.ERROR),
            Map.entry(Done.class, FrameType.DONE),
            Map.entry(Pake1.class, FrameType.PAKE1),
            Map.entry(Pake2.class, FrameType.PAKE2),
            Map.entry(Pake3.class, FrameType.PAKE3),
            Map.entry(Stats.class, FrameType.STATS));

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxStringLength(64 * 1024)
                        .maxNumberLength(32)
                        .build());
    }

    private ControlCodec() {}

    /** The frame type that carries {@code messageClass}. */
    public static FrameType frameType(Class<?> messageClass) {
        FrameType type = TYPES.get(messageClass);
        if (type == null) {
            throw new IllegalArgumentException(messageClass + " is not a control message");
        }
        return type;
    }

    /** The JSON payload of {@code message}. */
    public static byte[] encode(Object message) {
        frameType(message.getClass());
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes {@code frame} as a {@code type} message.
     *
     * @throws ProtocolException if the frame is of another type or its payload is not a valid
     *     message
     */
    public static <T> T decode(Frame frame, Class<T> type) throws ProtocolException {
        FrameType expected = frameType(type);
        if (frame.type() != expected) {
            throw new ProtocolException("Expected " + expected + " but the peer sent " + frame.type() + ".");
        }
        ByteBuffer payload = frame.payload().duplicate();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        T message;
        try {
            message = JSON.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new ProtocolException("The peer's " + expected + " is malformed: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new ProtocolException("The peer's " + expected + " could not be read.", e);
        }
        if (message == null) {
            throw new ProtocolException("The peer's " + expected + " is empty.");
        }
        if (message instanceof Manifest manifest) {
            checkManifest(manifest);
        }
        return message;
    }

    private static void checkManifest(Manifest manifest) throws ProtocolException {
        if (manifest.entries().size() > MAX_MANIFEST_ENTRIES) {
            throw new ProtocolException("The manifest lists more than " + MAX_MANIFEST_ENTRIES + " entries.");
        }
        for (ManifestEntry e : manifest.entries()) {
            if (e.path() == null || e.type() == null) {
                throw new ProtocolException("A manifest entry has no path or type.");
            }
            if (e.size() < 0 || (e.type() == EntryType.DIR && e.size() != 0)) {
                throw new ProtocolException("Manifest entry '" + e.path() + "' has an invalid size.");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t instanceof JacksonException je ? je.getOriginalMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
