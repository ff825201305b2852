package dev.p2pcopy.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ControlCodecTest {
    private static final String SHA = "ab".repeat(32);

    private static Frame frame(FrameType type, String json) {
        return new Frame(
                type,
                0,
                0,
                ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
    }

    private static <T> T roundTrip(T message) throws ProtocolException {
        FrameType type = ControlCodec.frameType(message.getClass());
        Frame frame = new Frame(type, 0, 0, ByteBuffer.wrap(ControlCodec.encode(message)));
        @SuppressWarnings("unchecked")
        T back = (T) ControlCodec.decode(frame, message.getClass());
        return back;
    }

    @Test
    void everyMessageSurvivesARoundTrip() throws ProtocolException {
        Manifest manifest = new Manifest(List.of(
                new ManifestEntry("photos", EntryType.DIR, 0, 1_700_000_000_000L, 0755),
                new ManifestEntry("photos/a.jpg", EntryType.FILE, 123, 1_700_000_000_000L, -1)));
        List<Object> messages = List.of(
                new Hello(1, "send", List.of("none", "zstd"), 1 << 20, true),
                manifest,
                Accept.yes(List.of(0L, 0L), 8 << 20),
                Accept.yes(List.of(0L, 5L), List.of(0), 8 << 20),
                Accept.no("The receiver declined."),
                new FileEnd(1, SHA, SHA),
                new Ack(10, 1, 5),
                new ErrorMessage("INTEGRITY", "a.jpg was corrupted."),
                new Done(1, 123));
        for (Object message : messages) {
            assertThat(roundTrip(message)).isEqualTo(message);
        }
    }

    @Test
    void mapsMessagesToFrameTypes() {
        assertThat(ControlCodec.frameType(Hello.class)).isEqualTo(FrameType.HELLO);
        assertThat(ControlCodec.frameType(Manifest.class)).isEqualTo(FrameType.MANIFEST);
        assertThat(ControlCodec.frameType(Done.class)).isEqualTo(FrameType.DONE);
        assertThatThrownBy(() -> ControlCodec.frameType(String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlCodec.encode("not a message")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAFrameOfAnotherType() {
        Frame ack = frame(FrameType.ACK, "{\"verifiedBytes\":0,\"filesDone\":0,\"credit\":0}");
        assertThatThrownBy(() -> ControlCodec.decode(ack, Done.class))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("Expected DONE but the peer sent ACK.");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, "{\"files\":1,"), Done.class))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("The peer's DONE is malformed: ");
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, "{\"files\":1,\"bytes\":2} {}"), Done.class))
                .hasMessageStartingWith("The peer's DONE is malformed: ");
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, "[1,2]"), Done.class))
                .hasMessageStartingWith("The peer's DONE is malformed: ");
    }

    @Test
    void rejectsMissingFieldsNullsAndWrongTypes() {
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, "{\"files\":1}"), Done.class))
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, "{\"files\":null,\"bytes\":1}"), Done.class))
                .hasMessageContaining("malformed");
        assertThatThrownBy(() ->
                        ControlCodec.decode(frame(FrameType.DONE, "{\"files\":\"many\",\"bytes\":1}"), Done.class))
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, "null"), Done.class))
                .hasMessage("The peer's DONE is empty.");
    }

    @Test
    void rejectsValuesTheRecordsRefuse() {
        assertThatThrownBy(() -> ControlCodec.decode(
                        frame(
                                FrameType.HELLO,
                                "{\"version\":1,\"role\":\"thief\",\"codecs\":[],\"chunkSize\":0,\"encrypt\":true,\"pairing\":1}"),
                        Hello.class))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("HELLO names an unknown role.");
        assertThatThrownBy(() -> ControlCodec.decode(
                        frame(FrameType.FILE_END, "{\"fileIndex\":0,\"sha256\":\"XYZ\",\"mac\":\"XYZ\"}"),
                        FileEnd.class))
                .hasMessageContaining("FILE_END carries no valid SHA-256.");
        assertThatThrownBy(() -> ControlCodec.decode(
                        frame(
                                FrameType.ACCEPT,
                                "{\"accepted\":false,\"reason\":null,\"resumeOffsets\":[],\"complete\":[],\"credit\":0}"),
                        Accept.class))
                .hasMessageContaining("gives no reason");
    }

    @Test
    void ignoresUnknownFieldsForLaterMinorVersions() throws ProtocolException {
        Done done = ControlCodec.decode(frame(FrameType.DONE, "{\"files\":1,\"bytes\":2,\"extra\":true}"), Done.class);
        assertThat(done).isEqualTo(new Done(1, 2));
    }

    @Test
    void rejectsDeepNestingAndLongNumbers() {
        String deep = "{\"files\":1,\"bytes\":2,\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, deep), Done.class))
                .hasMessageContaining("malformed");
        String longNumber = "{\"files\":1,\"bytes\":" + "9".repeat(40) + "}";
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.DONE, longNumber), Done.class))
                .hasMessageContaining("malformed");
    }

    @Test
    void rejectsManifestEntriesWithoutPathTypeOrWithInvalidSizes() {
        String noPath = "{\"entries\":[{\"path\":null,\"type\":\"FILE\",\"size\":1,\"mtimeMillis\":0,\"mode\":-1}]}";
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.MANIFEST, noPath), Manifest.class))
                .hasMessage("A manifest entry has no path or type.");
        String negative =
                "{\"entries\":[{\"path\":\"a\",\"type\":\"FILE\",\"size\":-1,\"mtimeMillis\":0,\"mode\":-1}]}";
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.MANIFEST, negative), Manifest.class))
                .hasMessage("Manifest entry 'a' has an invalid size.");
        String dirWithSize =
                "{\"entries\":[{\"path\":\"d\",\"type\":\"DIR\",\"size\":3,\"mtimeMillis\":0,\"mode\":-1}]}";
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.MANIFEST, dirWithSize), Manifest.class))
                .hasMessage("Manifest entry 'd' has an invalid size.");
        String badType = "{\"entries\":[{\"path\":\"d\",\"type\":\"LINK\",\"size\":0,\"mtimeMillis\":0,\"mode\":-1}]}";
        assertThatThrownBy(() -> ControlCodec.decode(frame(FrameType.MANIFEST, badType), Manifest.class))
                .hasMessageContaining("malformed");
    }

    @Test
    void recordsValidateWhatTheyAreGiven() {
        assertThatThrownBy(() -> new Hello(0, "send", List.of(), 0, true)).hasMessage("HELLO has no valid version.");
        assertThatThrownBy(() -> new Hello(1, "send", null, 0, true)).hasMessage("HELLO lists no valid codecs.");
        assertThatThrownBy(() -> new Hello(1, "send", List.of(), -1, true))
                .hasMessage("HELLO has a negative chunk size.");
        assertThatThrownBy(() -> new Hello(1, "send", List.of(), 0, true, -1))
                .hasMessage("HELLO has a negative pairing number.");
        assertThatThrownBy(() -> new Accept(true, null, null, List.of(), 0))
                .hasMessage("ACCEPT has no resume offsets.");
        assertThatThrownBy(() -> Accept.yes(List.of(-1L), 0)).hasMessage("ACCEPT has a negative resume offset.");
        assertThatThrownBy(() -> Accept.yes(List.of(), -1)).hasMessage("ACCEPT grants a negative credit.");
        assertThatThrownBy(() -> Accept.yes(List.of(0L), List.of(1), 0))
                .hasMessage("ACCEPT marks an entry complete that the manifest does not have.");
        assertThatThrownBy(() -> new Ack(-1, 0, 0)).hasMessage("ACK carries a negative figure.");
        assertThatThrownBy(() -> new Done(0, -1)).hasMessage("DONE carries a negative figure.");
        assertThatThrownBy(() -> new ErrorMessage(null, "x")).hasMessage("ERROR lacks a reason or message.");
        assertThatThrownBy(() -> new FileEnd(-1, SHA, SHA)).hasMessage("FILE_END names a negative file index.");
    }
}
