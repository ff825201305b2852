package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.message.Accept;
import dev.p2pcopy.protocol.message.Ack;
import dev.p2pcopy.protocol.message.ErrorMessage;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.transport.Role;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What goes wrong ends with a clear reason on both sides and no half-written files. */
@Timeout(120)
class TransferFailureEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    /** Reconnecting is tried, briefly: a peer that is gone for good ends the transfer soon. */
    private static final ReconnectPolicy GIVE_UP_SOON = ReconnectPolicy.giveUpAfter(Duration.ofSeconds(1));

    private static final String GAVE_UP = "The other side disconnected; reconnecting did not succeed within 1 second."
            + " Run the same command again to resume.";

    @TempDir
    Path tmp;

    private Path src() throws Exception {
        return Files.createDirectories(tmp.resolve("src"));
    }

    private Path out() throws Exception {
        return Files.createDirectories(tmp.resolve("out"));
    }

    private static void assertFails(Transfer transfer, FailureReason reason, String message) {
        TransferException e = Peers.failure(transfer);
        assertThat(e.reason()).isEqualTo(reason);
        if (message != null) {
            assertThat(e).hasMessage(message);
        }
    }

    @Test
    void aChosenCodeAlreadyInUseIsRefused() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 10, 1);
        Transfer first = P2pCopy.send(
                List.of(file), SendOptions.builder(relay.uri()).code("77-taken").build());
        first.code().get(20, TimeUnit.SECONDS);

        Transfer second = P2pCopy.send(
                List.of(file), SendOptions.builder(relay.uri()).code("77 TAKEN").build());

        TransferException e = Peers.failure(second);
        assertThat(e.reason()).isEqualTo(FailureReason.CODE_IN_USE);
        assertThat(e.getMessage()).startsWith("This code is already in use on the relay");
        assertThatThrownBy(() -> second.code().get(5, TimeUnit.SECONDS)).hasCause(e);
        first.cancel();
        assertFails(first, FailureReason.CANCELLED, "The transfer was cancelled.");
        assertThat(first.state()).isEqualTo(TransferState.CANCELLED);
    }

    @Test
    void aDeclinedOfferEndsBothSidesWithTheReason() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 10, 1);
        Path out = out();
        CompletableFuture<Manifest> offered = new CompletableFuture<>();

        Peers.Run run = Peers.start(
                relay.uri(),
                List.of(file),
                out,
                b -> b,
                b -> b.offerHandler(m -> {
                    offered.complete(m);
                    return CompletableFuture.completedFuture(false);
                }));

        assertFails(run.receiver(), FailureReason.PEER_DECLINED, "You declined the transfer.");
        assertFails(run.sender(), FailureReason.PEER_DECLINED, "The receiver declined.");
        assertThat(offered.get(1, TimeUnit.SECONDS).topLevelNames()).containsExactly("a.bin");
        assertThat(out).isEmptyDirectory();
        assertThat(run.sender().state()).isEqualTo(TransferState.FAILED);
    }

    @Test
    void anUnreachableRelayIsReportedInOneSentence() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI nowhere = URI.create("ws://127.0.0.1:" + closedPort);
        Path file = Trees.randomFile(src().resolve("a.bin"), 10, 1);

        Transfer sender =
                P2pCopy.send(List.of(file), SendOptions.builder(nowhere).build());
        Transfer receiver = P2pCopy.receive(
                "1-a-b-c", ReceiveOptions.builder(nowhere, out()).build());

        String message = "Cannot reach the relay at " + nowhere + ": connection refused.";
        assertFails(sender, FailureReason.RELAY_UNREACHABLE, message);
        assertFails(receiver, FailureReason.RELAY_UNREACHABLE, message);
        assertThatThrownBy(() -> sender.code().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TransferException.class);
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 10, 1);
        assertFails(
                P2pCopy.send(List.of(), SendOptions.builder(relay.uri()).build()),
                FailureReason.USAGE,
                "Nothing to send: name at least one file or folder.");
        assertFails(
                P2pCopy.send(
                        List.of(file),
                        SendOptions.builder(relay.uri()).code("!!").build()),
                FailureReason.USAGE,
                "A code may contain only the letters a-z, digits and dashes.");
        assertFails(
                P2pCopy.send(
                        List.of(file),
                        SendOptions.builder(URI.create("http://127.0.0.1:1")).build()),
                FailureReason.USAGE,
                null);
        assertFails(
                P2pCopy.receive(
                        "   ", ReceiveOptions.builder(relay.uri(), out()).build()),
                FailureReason.USAGE,
                "The code is empty.");
        Path other = Trees.randomFile(src().resolve("x/a.bin"), 1, 1);
        assertFails(
                P2pCopy.send(
                        List.of(file, other), SendOptions.builder(relay.uri()).build()),
                FailureReason.USAGE,
                null);
    }

    @Test
    void aMissingSourceIsALocalErrorNamingIt() throws Exception {
        Path missing = src().resolve("not-there.txt");
        Transfer sender =
                P2pCopy.send(List.of(missing), SendOptions.builder(relay.uri()).build());

        TransferException e = Peers.failure(sender);
        assertThat(e.reason()).isEqualTo(FailureReason.LOCAL_IO);
        assertThat(e.getMessage()).contains(missing.toString()).endsWith(".");
    }

    @Test
    void aSourceThatChangesAfterTheOfferIsALocalError() throws Exception {
        Path file = Trees.randomFile(src().resolve("growing.log"), 1000, 1);
        Path out = out();

        Peers.Run run = Peers.start(
                relay.uri(),
                List.of(file),
                out,
                b -> b,
                b -> b.offerHandler(m -> {
                    try {
                        Files.writeString(file, "more", java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return CompletableFuture.completedFuture(true);
                }));

        String message = file + " changed while it was being sent; send it again once it is complete.";
        assertFails(run.sender(), FailureReason.LOCAL_IO, message);
        assertFails(run.receiver(), FailureReason.PEER_FAILED, message);
        assertThat(Trees.listing(out)).isEmpty();
    }

    @Test
    void cancellingMidTransferTellsTheOtherSideAndCommitsNothing() throws Exception {
        // Larger than the credit window, so it cannot complete while the receiver is stalled.
        Path file = Trees.randomFile(src().resolve("big.bin"), 24L << 20, 5);
        Path out = out();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        TransferListener stallAtFirstProgress = new TransferListener() {
            @Override
            public void onProgress(TransferProgress progress) {
                if (progress.verifiedBytes() > 0 && started.getCount() > 0) {
                    started.countDown();
                    try {
                        cancelled.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };

        Peers.Run run = Peers.start(relay.uri(), List.of(file), out, b -> b, b -> b.listener(stallAtFirstProgress));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        run.sender().cancel();
        cancelled.countDown();

        assertFails(run.sender(), FailureReason.CANCELLED, "The transfer was cancelled.");
        assertFails(run.receiver(), FailureReason.PEER_FAILED, "The other side cancelled the transfer.");
        assertThat(out.resolve(file.getFileName())).doesNotExist(); // only the hidden partial file, for a resume
        assertThat(run.receiver().state()).isEqualTo(TransferState.FAILED);
        run.sender().cancel(); // ended: nothing happens
        assertThat(run.sender().state()).isEqualTo(TransferState.CANCELLED);
    }

    @Test
    void theReceiverCancellingWhileAskedTellsTheSender() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 10, 1);
        CompletableFuture<Boolean> never = new CompletableFuture<>();
        CountDownLatch asked = new CountDownLatch(1);

        Peers.Run run = Peers.start(
                relay.uri(),
                List.of(file),
                out(),
                b -> b,
                b -> b.offerHandler(m -> {
                    asked.countDown();
                    return never;
                }));
        assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.sender().state()).isEqualTo(TransferState.AWAITING_ACCEPT);
        run.receiver().cancel();

        assertFails(run.receiver(), FailureReason.CANCELLED, "The transfer was cancelled.");
        assertFails(run.sender(), FailureReason.PEER_FAILED, "The other side cancelled the transfer.");
    }

    @Test
    void aSenderThatDisappearsForGoodFailsTheReceiverWithNothingUnderTheFinalName() throws Exception {
        Path out = out();
        Code code = Code.parse("31-gone-away");
        Transfer receiver = P2pCopy.receive(
                code.value(),
                ReceiveOptions.builder(relay.uri(), out).reconnect(GIVE_UP_SOON).build());
        try (RawPeer sender = new RawPeer(relay.uri(), code.roomId(), Role.SEND)) {
            sender.paired.get(20, TimeUnit.SECONDS);
            assertThat(sender.handshake(code, new Hello(1, "send", List.of("none"), Peers.CHUNK, true))
                            .role())
                    .isEqualTo("receive");
            sender.send(new Manifest(List.of(new ManifestEntry("a.bin", EntryType.FILE, 1000, 0, -1))));
            Accept accept = sender.expect(Accept.class);
            assertThat(accept.accepted()).isTrue();
            sender.sendData(0, 0, new byte[500]);
            assertThat(sender.expect(Ack.class).verifiedBytes()).isEqualTo(500);
        }

        assertFails(receiver, FailureReason.PEER_FAILED, GAVE_UP);
        assertThat(out.resolve("a.bin")).doesNotExist(); // only the hidden partial file, for a resume
    }

    @Test
    void aReceiverThatDisappearsMidTransferFailsTheSender() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 4L * Peers.CHUNK, 3);
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(relay.uri())
                        .chunkSize(Peers.CHUNK)
                        .reconnect(GIVE_UP_SOON)
                        .build());
        Code code = Code.parse(sender.code().get(20, TimeUnit.SECONDS));
        try (RawPeer receiver = new RawPeer(relay.uri(), code.roomId(), Role.RECEIVE)) {
            receiver.paired.get(20, TimeUnit.SECONDS);
            receiver.handshake(code, new Hello(1, "receive", List.of("none"), 0, true));
            Manifest manifest = receiver.expect(Manifest.class);
            receiver.send(Accept.yes(List.of(0L), Peers.CHUNK));
            assertThat(manifest.totalBytes()).isEqualTo(4L * Peers.CHUNK);
            receiver.nextFrame(); // one piece, then the credit is used up
        }

        assertFails(sender, FailureReason.PEER_FAILED, GAVE_UP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/abs", "a\u0000b", "a/.b.p2p-copy-part", ".p2p-copy-incomplete"})
    void hostileManifestPathsAreRefusedAndNothingIsWritten(String path) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("deep/out"));
        Code code = Code.parse((4100 + path.length()) + "-hostile");
        Transfer receiver = P2pCopy.receive(
                code.value(), ReceiveOptions.builder(relay.uri(), out).build());
        try (RawPeer sender = new RawPeer(relay.uri(), code.roomId(), Role.SEND)) {
            sender.paired.get(20, TimeUnit.SECONDS);
            sender.handshake(code, new Hello(1, "send", List.of("none"), Peers.CHUNK, true));
            sender.send(new Manifest(List.of(new ManifestEntry(path, EntryType.FILE, 3, 0, -1))));

            ErrorMessage error = sender.expect(ErrorMessage.class);
            assertThat(error.reason()).isEqualTo("PROTOCOL");
            assertThat(error.message()).startsWith("Refused the sender's offer: the path");
        }

        TransferException e = Peers.failure(receiver);
        assertThat(e.reason()).isEqualTo(FailureReason.PROTOCOL);
        assertThat(e.getMessage())
                .startsWith("Refused the sender's offer: the path")
                .doesNotContain("\u0000");
        assertThat(Trees.listing(tmp)).containsExactlyInAnyOrder("deep", "deep/out");
    }

    @Test
    void aPeerOfTheSameRoleOrAnotherVersionIsAProtocolError() throws Exception {
        Path file = Trees.randomFile(src().resolve("a.bin"), 10, 1);
        Transfer sender =
                P2pCopy.send(List.of(file), SendOptions.builder(relay.uri()).build());
        Code code = Code.parse(sender.code().get(20, TimeUnit.SECONDS));
        try (RawPeer peer = new RawPeer(relay.uri(), code.roomId(), Role.RECEIVE)) {
            peer.paired.get(20, TimeUnit.SECONDS);
            peer.send(new Hello(2, "receive", List.of("none"), 0, true));
            peer.expect(Hello.class);
            assertThat(peer.expect(ErrorMessage.class).reason()).isEqualTo("PROTOCOL");
        }
        TransferException e = Peers.failure(sender);
        assertThat(e.reason()).isEqualTo(FailureReason.PROTOCOL);
        assertThat(e.getMessage()).contains("protocol version 2");

        Transfer receiver = P2pCopy.receive(
                "52-twins", ReceiveOptions.builder(relay.uri(), out()).build());
        try (RawPeer peer = new RawPeer(relay.uri(), Code.parse("52-twins").roomId(), Role.SEND)) {
            peer.paired.get(20, TimeUnit.SECONDS);
            peer.send(new Hello(1, "receive", List.of("none"), Peers.CHUNK, true));
            peer.expect(Hello.class);
            assertThat(peer.expect(ErrorMessage.class).message()).contains("Both sides joined as receivers");
        }
        assertThat(Peers.failure(receiver).reason()).isEqualTo(FailureReason.PROTOCOL);
    }

    @Test
    void aSenderThatExceedsItsCreditOrSkipsAheadIsStopped() throws Exception {
        for (int variant = 0; variant < 2; variant++) {
            Path out = Files.createDirectories(tmp.resolve("out" + variant));
            Code code = Code.parse("61" + variant + "-greedy");
            Transfer receiver = P2pCopy.receive(
                    code.value(), ReceiveOptions.builder(relay.uri(), out).build());
            try (RawPeer sender = new RawPeer(relay.uri(), code.roomId(), Role.SEND)) {
                sender.paired.get(20, TimeUnit.SECONDS);
                sender.handshake(code, new Hello(1, "send", List.of("none"), Peers.CHUNK, true));
                long size = 64L << 20;
                sender.send(new Manifest(List.of(new ManifestEntry("a.bin", EntryType.FILE, size, 0, -1))));
                Accept accept = sender.expect(Accept.class);
                if (variant == 0) {
                    sender.sendData(0, 0, new byte[(int) accept.credit() + 1]);
                } else {
                    sender.sendData(0, 100, new byte[10]);
                }
                ErrorMessage error;
                do {
                    error = nextError(sender);
                } while (error == null);
                assertThat(error.reason()).isEqualTo("PROTOCOL");
            }
            TransferException e = Peers.failure(receiver);
            assertThat(e.reason()).isEqualTo(FailureReason.PROTOCOL);
            assertThat(e.getMessage()).containsAnyOf("more data than the receiver allowed", "arrived at offset 100");
            assertThat(Trees.listing(out)).isEmpty();
        }
    }

    private static ErrorMessage nextError(RawPeer peer) throws Exception {
        var frame = peer.nextFrame();
        return frame.type() == dev.p2pcopy.protocol.frame.FrameType.ERROR
                ? dev.p2pcopy.protocol.message.ControlCodec.decode(frame, ErrorMessage.class)
                : null;
    }

    @Test
    void aWrongRoomIdIsRefusedByTheRelay() throws Exception {
        try (RawPeer peer = new RawPeer(relay.uri(), "NOT-HEX", Role.SEND)) {
            assertThatThrownBy(() -> peer.joined().get(20, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(TransferException.class)
                    .hasMessageStartingWith("The relay refused the request")
                    .extracting(e -> ((TransferException) e).reason())
                    .isEqualTo(FailureReason.PROTOCOL);
        }
    }

    @Test
    void aRelayShuttingDownEndsAWaitingTransferOnceReconnectingGivesUp() throws Exception {
        RelayServer own = RelayServer.start(
                RelayConfig.builder().host("127.0.0.1").port(0).build());
        Transfer receiver = P2pCopy.receive(
                "88-alone",
                ReceiveOptions.builder(own.uri(), out()).reconnect(GIVE_UP_SOON).build());
        awaitState(receiver, TransferState.WAITING_FOR_PEER);
        own.close();
        awaitState(receiver, TransferState.RECONNECTING);
        TransferException e = Peers.failure(receiver);
        assertThat(e.reason()).isEqualTo(FailureReason.RELAY_UNREACHABLE);
        assertThat(e.getMessage())
                .endsWith("reconnecting did not succeed within 1 second. Run the same command again to resume.");
    }

    @Test
    void aRelayThatStopsWaitingEndsWithItsReason() throws Exception {
        try (RelayServer own = RelayServer.start(RelayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .waitTimeout(Duration.ofMillis(300))
                .build())) {
            Transfer receiver = P2pCopy.receive(
                    "90-lonely", ReceiveOptions.builder(own.uri(), out()).build());
            TransferException e = Peers.failure(receiver);
            assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(e.getMessage()).endsWith(".").doesNotContain("\n");
        }
    }

    @Test
    void aFullRelayIsReported() throws Exception {
        try (RelayServer own = RelayServer.start(
                RelayConfig.builder().host("127.0.0.1").port(0).maxRooms(1).build())) {
            Transfer first = P2pCopy.receive(
                    "91-first", ReceiveOptions.builder(own.uri(), out()).build());
            awaitState(first, TransferState.WAITING_FOR_PEER);
            Transfer second = P2pCopy.receive(
                    "92-second", ReceiveOptions.builder(own.uri(), out()).build());
            assertFails(
                    second,
                    FailureReason.RELAY_UNREACHABLE,
                    "The relay is full; try again later or use another relay.");
            first.cancel();
            assertFails(first, FailureReason.CANCELLED, null);
        }
    }

    private static void awaitState(Transfer transfer, TransferState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (transfer.state() != state) {
            assertThat(System.nanoTime()).as("waiting for " + state).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
