package dev.p2pcopy.protocol.fuzz;

import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.message.Accept;
import dev.p2pcopy.protocol.message.Ack;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.Done;
import dev.p2pcopy.protocol.message.ErrorMessage;
import dev.p2pcopy.protocol.message.FileEnd;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
import dev.p2pcopy.protocol.message.Stats;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The control messages of protocol v1 with one valid JSON payload each: the fuzzers' seeds. */
public final class MessageTypes {
    private static final List<Class<?>> MESSAGES = List.of(
            Hello.class,
            Manifest.class,
            Accept.class,
            FileEnd.class,
            Ack.class,
            ErrorMessage.class,
            Done.class,
            Pake1.class,
            Pake2.class,
            Pake3.class,
            Stats.class);

    private static final Map<FrameType, Class<?>> BY_TYPE = byType();
    private static final Map<FrameType, String> SAMPLES = samplesOf();

    private MessageTypes() {}

    /** The message class a control frame type carries, or null for DATA. */
    public static Class<?> of(FrameType type) {
        return BY_TYPE.get(type);
    }

    /** One valid JSON payload per control frame type, in wire-code order. */
    public static Map<FrameType, String> samples() {
        return SAMPLES;
    }

    private static Map<FrameType, Class<?>> byType() {
        Map<FrameType, Class<?>> types = new EnumMap<>(FrameType.class);
        for (Class<?> message : MESSAGES) {
            types.put(ControlCodec.frameType(message), message);
        }
        return Collections.unmodifiableMap(types);
    }

    private static Map<FrameType, String> samplesOf() {
        Map<FrameType, String> samples = new LinkedHashMap<>();
        samples.put(
                FrameType.HELLO,
                "{\"version\":1,\"role\":\"send\",\"codecs\":[\"none\",\"zstd\"],\"chunkSize\":1048576,\"encrypt\":true,\"pairing\":1}");
        samples.put(
                FrameType.MANIFEST,
                "{\"entries\":[{\"path\":\"photos\",\"type\":\"DIR\",\"size\":0,\"mtimeMillis\":1700000000000,\"mode\":493},"
                        + "{\"path\":\"photos/a.jpg\",\"type\":\"FILE\",\"size\":123,\"mtimeMillis\":1700000000000,"
                        + "\"mode\":420}]}");
        samples.put(
                FrameType.ACCEPT,
                "{\"accepted\":true,\"reason\":null,\"resumeOffsets\":[0,0],\"complete\":[1],\"credit\":8388608}");
        samples.put(
                FrameType.FILE_END,
                "{\"fileIndex\":1,\"sha256\":\"" + "ab".repeat(32) + "\",\"mac\":\"" + "0f".repeat(32) + "\"}");
        samples.put(FrameType.ACK, "{\"verifiedBytes\":1048576,\"filesDone\":0,\"credit\":1048576}");
        samples.put(
                FrameType.ERROR, "{\"reason\":\"INTEGRITY\",\"message\":\"photos/a.jpg was corrupted in transit.\"}");
        samples.put(FrameType.DONE, "{\"files\":1,\"bytes\":123}");
        samples.putAll(pakeSamples());
        samples.put(
                FrameType.STATS,
                "{\"cpuLoad\":0.25,\"memoryUsedBytes\":4294967296,\"memoryTotalBytes\":17179869184,"
                        + "\"diskFreeBytes\":-1,\"netReceiveBytesPerSecond\":1250000.0,"
                        + "\"netSendBytesPerSecond\":0.0,\"transferBytesPerSecond\":1048576.5}");
        return Collections.unmodifiableMap(samples);
    }

    /**
     * The sender's messages of one honest EC-J-PAKE run, captured once so that every run of a
     * fuzzer starts from the same bytes (the PAKE draws fresh randomness each time).
     */
    private static Map<FrameType, String> pakeSamples() {
        Map<FrameType, String> samples = new LinkedHashMap<>();
        samples.put(
                FrameType.PAKE1,
                "{\"gx1\":\"AubUaInG07ig1ppf42KACTTPOx9Xw1VcRcDFaCZccn4q\","
                        + "\"gx2\":\"A6LzTcogZuDjql0+2vNsUO0jhiOEWazEH05HjmGkr0UY\","
                        + "\"proof1\":{\"v\":\"ApjJknj831tEjLvpmaRcQ1b7udMRAdQRaDp8NzPAZCZl\","
                        + "\"r\":\"AL5oz1WdN/4ZaJS1Plk97iACEY/kTqnDCHjhWqLkpsn1\"},"
                        + "\"proof2\":{\"v\":\"A9llLRIDzSNWXJS3oDSBMhBZjYquwEY13k+L85VDEFXr\","
                        + "\"r\":\"TEqyQs29zOzT6Sk9a0TGoHonvdO0SzG8/rC0Gk5ygKs=\"}}");
        samples.put(
                FrameType.PAKE2,
                "{\"a\":\"Ale9oFNrwalJMTXkjPbjk2bsxLiSzrl2l+aWGgqUBGiE\","
                        + "\"proof\":{\"v\":\"A1Bn2eZIArD1mDC/cBE/SbJ+vR5uQDGYRPj0fpPp0Yq9\","
                        + "\"r\":\"AMBCrpIUCGD9qLvdtRd41dk1DBoghKbABMr17874jX2l\"}}");
        samples.put(FrameType.PAKE3, "{\"mac\":\"KCE3/K9giFRpDoyzoj4nUxbdrc0qMyX4U9Zw9VcfHcg=\"}");
        return samples;
    }
}
