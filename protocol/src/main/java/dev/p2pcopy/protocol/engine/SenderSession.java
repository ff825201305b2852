package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.code.CodeGenerator;
import dev.p2pcopy.protocol.code.Wordlist;
import dev.p2pcopy.protocol.crypto.Sha256;
import dev.p2pcopy.protocol.frame.DataFrame;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameWriter;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.manifest.ManifestScanner;
import dev.p2pcopy.protocol.manifest.ScannedManifest;
import dev.p2pcopy.protocol.manifest.SkippedEntry;
import dev.p2pcopy.protocol.manifest.UnsafePathException;
import dev.p2pcopy.protocol.message.Accept;
import dev.p2pcopy.protocol.message.Ack;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.Done;
import dev.p2pcopy.protocol.message.FileEnd;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.transport.Role;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side: scans the files, joins a room (drawing a new code while a generated one is
 * busy), offers the manifest and streams the files under the receiver's credit. One thread
 * reads each file once straight into the frame buffer, hashes it, compresses where it pays
 * and sends; the connection's I/O thread applies the receiver's ACKs.
 */
final class SenderSession extends Session {
    /** Generated codes tried before giving up on a busy relay. */
    static final int MAX_JOIN_ATTEMPTS = 5;
    /** Largest piece, so that one frame never exceeds the connection's write buffer mark. */
    static final int MAX_PIECE = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SenderSession.class);

    private final List<Path> roots;
    private final SendOptions options;
    private final int pieceSize;
    private volatile CreditWindow credit = new CreditWindow();
    private volatile boolean accepted;
    private volatile boolean doneSent;
    /** Whether a MANIFEST left in an earlier pairing (the progress has started). */
    private boolean offered;
    /** File bytes sent in DATA frames, counting those sent again after a reconnection. */
    private long sentBytes;

    SenderSession(List<Path> roots, SendOptions options, TransferHandle handle, ProgressMeter meter) {
        super(
                options.relay(),
                options.trustedCertificate().orElse(null),
                options.reconnect(),
                Role.SEND,
                handle,
                meter,
                options.statsSource().orElse(null));
        this.roots = List.copyOf(roots);
        this.options = options;
        this.pieceSize = Math.min(options.chunkSize(), MAX_PIECE);
    }

    @Override
    TransferResult execute() {
        if (roots.isEmpty()) {
            throw new TransferException(FailureReason.USAGE, "Nothing to send: name at least one file or folder.");
        }
        Code chosen = options.code().map(Codes::parse).orElse(null);
        ScannedManifest scanned = scan();

        Code code = joinRoom(chosen);
        handle.enter(TransferState.WAITING_FOR_PEER);
        allowReconnecting();
        awaitPaired(code);
        while (true) {
            try {
                return offerAndSend(code, scanned);
            } catch (TransferException e) {
                recover(e, code, false);
            }
        }
    }

    /** One pairing: handshake, offer, the files the receiver still lacks, DONE. */
    private TransferResult offerAndSend(Code code, ScannedManifest scanned) {
        Manifest manifest = scanned.manifest();
        Hello peer = exchangeHello(options.chunkSize(), options.encrypt());
        secure(code, peer);

        if (!offered) {
            // The state changes before the manifest leaves, so that it is already true when the receiver asks.
            meter.start(manifest.totalBytes(), fileEntries(manifest), 0);
            handle.enter(TransferState.AWAITING_ACCEPT);
            offered = true;
        }
        CreditWindow window = new CreditWindow();
        credit = window;
        doneSent = false;
        send(manifest);
        Accept accept = expect(Accept.class); // a refusal ends the session on the reader thread
        List<Long> offsets = checkOffsets(manifest, accept);
        window.grant(accept.credit());
        allowReconnecting();
        handle.enter(TransferState.TRANSFERRING);

        stream(
                manifest,
                scanned.sources(),
                offsets,
                Set.copyOf(accept.complete()),
                peer.codecs().contains("zstd"));
        doneSent = true;
        Done done = new Done(manifest.fileCount(), manifest.totalBytes());
        send(done);
        expect(Done.class);
        try {
            send(done); // tells the receiver we heard its DONE, so it need not wait for us to come back
        } catch (TransferException e) {
            // Settled already: the receiver has everything, and stops waiting on its own.
        }
        return new TransferResult(manifest.fileCount(), sentBytes, elapsed(), roots);
    }

    private ScannedManifest scan() {
        ScannedManifest scanned;
        try {
            scanned = ManifestScanner.scan(roots, options.followSymlinks());
        } catch (IOException e) {
            throw Failures.localIo("read", roots.size() == 1 ? roots.get(0) : "the files to send", e);
        } catch (IllegalArgumentException | UnsafePathException e) {
            // Two roots with one name, a root without a name, or a name no receiver could create.
            throw new TransferException(FailureReason.USAGE, e.getMessage(), e);
        }
        for (SkippedEntry skipped : scanned.skipped()) {
            String warning = "Skipped " + skipped.path() + ": " + skipped.reason() + ".";
            LOG.debug(warning);
            options.listener().onWarning(warning);
        }
        return scanned;
    }

    /** Joins the chosen code's room, or a generated code's whose nameplate is free; returns the code. */
    private Code joinRoom(Code chosen) {
        CodeGenerator generator = chosen == null ? new CodeGenerator(Wordlist.english(), new SecureRandom()) : null;
        for (int attempt = 1; ; attempt++) {
            Code code = chosen != null ? chosen : generator.next();
            try {
                join(code);
                handle.codeKnown(code.value());
                return code;
            } catch (TransferException e) {
                boolean retry = chosen == null
                        && e.reason() == FailureReason.CODE_IN_USE
                        && attempt < MAX_JOIN_ATTEMPTS
                        && failure() == null;
                if (!retry) {
                    throw e;
                }
            }
        }
    }

    private static List<ManifestEntry> fileEntries(Manifest manifest) {
        List<ManifestEntry> files = new ArrayList<>();
        for (ManifestEntry e : manifest.entries()) {
            if (e.type() == EntryType.FILE) {
                files.add(e);
            }
        }
        return files;
    }

    private static List<Long> checkOffsets(Manifest manifest, Accept accept) {
        List<Long> offsets = accept.resumeOffsets();
        List<ManifestEntry> entries = manifest.entries();
        if (offsets.size() != entries.size()) {
            throw Failures.protocol(
                    "The receiver's ACCEPT lists " + offsets.size() + " offsets for " + entries.size() + " entries.");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (offsets.get(i) > entries.get(i).size()) {
                throw Failures.protocol(
                        "The receiver's ACCEPT resumes " + entries.get(i).path() + " beyond its end.");
            }
        }
        return offsets;
    }

    /** Sends every file the receiver does not have complete yet. */
    private void stream(
            Manifest manifest, List<Path> sources, List<Long> offsets, Set<Integer> complete, boolean peerDecodesZstd) {
        byte[] frame = FrameWriter.newDataFrame(pieceSize);
        try (PieceCompressor compressor = new PieceCompressor(options.compression(), peerDecodesZstd, pieceSize)) {
            List<ManifestEntry> entries = manifest.entries();
            for (int i = 0; i < entries.size(); i++) {
                ManifestEntry entry = entries.get(i);
                if (entry.type() == EntryType.FILE && !complete.contains(i)) {
                    checkNotFailed();
                    sendFile(i, entry, sources.get(i), offsets.get(i), frame, compressor);
                }
            }
        }
    }

    /** Sends one file from {@code resume} on (the part before it is only hashed), then its FILE_END. */
    private void sendFile(
            int index, ManifestEntry entry, Path source, long resume, byte[] frame, PieceCompressor compressor) {
        MessageDigest sha256 = Sha256.newDigest();
        long size = entry.size();
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            if (channel.size() != size) {
                throw changed(source);
            }
            long position = 0;
            while (position < resume) {
                int n = (int) Math.min(pieceSize, resume - position);
                readFully(channel, frame, n, source);
                sha256.update(frame, DataFrame.CONTENT_OFFSET, n);
                position += n;
            }
            compressor.startFile();
            while (position < size) {
                int n = (int) Math.min(pieceSize, size - position);
                readFully(channel, frame, n, source);
                sha256.update(frame, DataFrame.CONTENT_OFFSET, n);
                PieceCompressor.Encoded piece = compressor.encode(frame, n);
                credit.acquire(n);
                sendData(piece.frame(), index, position, piece.codec(), n, piece.contentLength());
                sentBytes += n;
                position += n;
            }
            if (channel.size() != size) {
                throw changed(source);
            }
        } catch (IOException e) {
            throw Failures.localIo("read", source, e);
        }
        String hash = FileHash.hex(sha256);
        send(new FileEnd(index, hash, hashMac().tag(index, hash)));
    }

    private static void readFully(FileChannel channel, byte[] frame, int length, Path source) throws IOException {
        ByteBuffer into = ByteBuffer.wrap(frame, DataFrame.CONTENT_OFFSET, length);
        while (into.hasRemaining()) {
            if (channel.read(into) < 0) {
                throw changed(source);
            }
        }
    }

    private static TransferException changed(Path source) {
        return new TransferException(
                FailureReason.LOCAL_IO,
                source + " changed while it was being sent; send it again once it is complete.");
    }

    @Override
    void onPeerFrame(Frame frame) throws ProtocolException {
        switch (frame.type()) {
            case ACCEPT -> {
                Accept accept = ControlCodec.decode(frame, Accept.class);
                if (!accept.accepted()) {
                    // Handled here, not queued: the receiver hangs up right after declining.
                    fail(new TransferException(FailureReason.PEER_DECLINED, Failures.peerText(accept.reason())), false);
                    return;
                }
                accepted = true;
                deliver(accept);
            }
            case ACK -> {
                if (!accepted) {
                    throw new ProtocolException("The receiver sent ACK before accepting.");
                }
                Ack ack = ControlCodec.decode(frame, Ack.class);
                credit.grant(ack.credit());
                meter.update(ack.verifiedBytes(), ack.filesDone());
            }
            case DONE -> {
                if (!doneSent) {
                    throw new ProtocolException("The receiver sent DONE before every file was sent.");
                }
                Done done = ControlCodec.decode(frame, Done.class);
                settle();
                meter.update(done.bytes(), done.files());
                deliver(done);
            }
            default ->
                throw new ProtocolException(
                        "The receiver sent a " + frame.type() + " frame, which only a sender sends.");
        }
    }

    @Override
    void onFailure(TransferException failure) {
        credit.abort(failure);
    }

    @Override
    void onLost(ConnectionLost lost) {
        credit.abort(lost);
    }

    @Override
    void cleanup() {
        // Nothing on disk to undo; the compressor is closed where it is used.
    }
}
