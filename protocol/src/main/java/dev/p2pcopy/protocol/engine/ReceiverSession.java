package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.frame.DataFrame;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.manifest.UnsafePathException;
import dev.p2pcopy.protocol.message.Accept;
import dev.p2pcopy.protocol.message.Ack;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.Done;
import dev.p2pcopy.protocol.message.FileEnd;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.resume.FolderMarker;
import dev.p2pcopy.protocol.resume.JournalIdentity;
import dev.p2pcopy.protocol.resume.ResumePoint;
import dev.p2pcopy.protocol.transport.Role;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiving side: joins the room, checks the offer (paths, free space, name conflicts),
 * asks the {@link dev.p2pcopy.protocol.OfferHandler}, then writes and verifies the files.
 * The connection's I/O thread decodes frames and queues pieces, bounded by the credit granted; the
 * session thread writes and hashes them, commits each file, and grants credit back.
 */
final class ReceiverSession extends Session {
    /** Smallest credit window. */
    static final long MIN_WINDOW = 8L * 1024 * 1024;

    private final String rawCode;
    private final ReceiveOptions options;
    private final PieceDecoder decoder = new PieceDecoder();
    private final Flusher flusher = new Flusher();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final Committer committer = new Committer(this::onCommitted, this::onCommitFailed);
    private IncomingFile current;

    ReceiverSession(String rawCode, ReceiveOptions options, TransferHandle handle, ProgressMeter meter) {
        super(
                options.relay(),
                options.trustedCertificate().orElse(null),
                options.reconnect(),
                Role.RECEIVE,
                handle,
                meter,
                options.statsSource().orElse(null));
        this.rawCode = rawCode;
        this.options = options;
    }

    @Override
    TransferResult execute() {
        Code code = Codes.parse(rawCode);
        handle.codeKnown(code.value());
        join(code);
        handle.enter(TransferState.WAITING_FOR_PEER);
        allowReconnecting();
        awaitPaired(code);
        Receipt receipt = null;
        while (true) {
            try {
                if (receipt == null) {
                    receipt = acceptOffer(code);
                    answer(receipt);
                } else {
                    resumeOffer(code, receipt);
                }
                receipt.run();
                if (!receipt.finished) {
                    awaitCommits();
                    markFolders(receipt.manifest, receipt.plan, false);
                    finishDirectories(receipt.manifest, receipt.plan);
                    receipt.finished = true;
                    // Settled first: once the sender has our DONE it may leave before this thread goes on.
                    settle();
                }
                send(new Done(receipt.files.size(), receipt.verified));
                awaitSendersGoodbye();
                return receipt.result();
            } catch (TransferException e) {
                boolean finished = receipt != null && receipt.finished;
                if (!recover(e, code, finished)) {
                    return receipt.result(); // finished, and the sender did not come back: it has our DONE
                }
            }
        }
    }

    /**
     * Until the offer is decided: handshake, the offer checked and put to the user, the folders
     * created. A pairing lost after this is answered from the returned receipt, without asking again.
     */
    private Receipt acceptOffer(Code code) {
        Hello peer = exchangeHello(0, true);
        if (peer.chunkSize() < SendOptions.MIN_CHUNK_SIZE || peer.chunkSize() > SendOptions.MAX_CHUNK_SIZE) {
            throw Failures.protocol("The sender's chunk size of " + peer.chunkSize() + " bytes is out of range.");
        }
        secure(code, peer);

        Manifest manifest = expect(Manifest.class);
        ManifestChecks.check(manifest);
        Path outputDir = options.outputDir().toAbsolutePath().normalize();
        ConflictResolver.Plan plan;
        try {
            plan = ConflictResolver.plan(outputDir, manifest, options.conflictPolicy());
        } catch (UnsafePathException e) {
            throw ManifestChecks.refused(e);
        }
        Receipt receipt = new Receipt(manifest, plan, peer.chunkSize());
        receipt.findResumePoints();
        FreeSpace.check(outputDir, manifest.totalBytes() - receipt.verified);
        meter.start(manifest.totalBytes(), receipt.fileEntries(), receipt.verified);
        handle.enter(TransferState.AWAITING_ACCEPT);
        if (!decide(manifest)) {
            send(Accept.no("The receiver declined."));
            fail(new TransferException(FailureReason.PEER_DECLINED, "You declined the transfer."), false);
            checkNotFailed();
        }
        createDirectories(manifest, plan);
        markFolders(manifest, plan, true);
        receipt.countSkipped();
        return receipt;
    }

    /** A later pairing after a lost connection: the same offer again, answered with what we have by now. */
    private void resumeOffer(Code code, Receipt receipt) {
        Hello peer = exchangeHello(0, true);
        if (peer.chunkSize() != receipt.chunkSize) {
            throw Failures.protocol("The sender changed its chunk size after reconnecting.");
        }
        secure(code, peer);
        Manifest manifest = expect(Manifest.class);
        if (!manifest.equals(receipt.manifest)) {
            throw Failures.protocol("The sender offered different files after reconnecting.");
        }
        answer(receipt);
    }

    private void answer(Receipt receipt) {
        int piece = Math.min(receipt.chunkSize, SenderSession.MAX_PIECE);
        long window = Math.max(MIN_WINDOW, 4L * piece);
        active().granted.set(window);
        receipt.startPairing(window / 8);
        send(Accept.yes(receipt.offsets(), receipt.complete(), window));
        allowReconnecting();
        if (!receipt.finished) {
            handle.enter(TransferState.TRANSFERRING);
        }
    }

    /**
     * After our DONE: waits for the sender's, which says it heard ours. If the connection drops
     * first, the sender may not know that everything arrived, so the caller waits for it to come
     * back; {@link ConnectionLost} is thrown for that.
     */
    private void awaitSendersGoodbye() {
        long deadline = System.nanoTime() + finishingWait().toNanos();
        Object message = next(deadline);
        if (message != null && !(message instanceof Done)) {
            throw Failures.protocol("Unexpected " + message.getClass().getSimpleName()
                    + " from the sender after the transfer was complete.");
        }
    }

    private boolean decide(Manifest manifest) {
        try {
            CompletableFuture<Boolean> answer =
                    options.offerHandler().onOffer(manifest).toCompletableFuture();
            return Boolean.TRUE.equals(await(answer));
        } catch (TransferException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new TransferException(
                    FailureReason.CANCELLED, "The offer could not be answered: " + cause.getMessage(), cause);
        }
    }

    private static void createDirectories(Manifest manifest, ConflictResolver.Plan plan) {
        List<ManifestEntry> entries = manifest.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).type() == EntryType.DIR) {
                Path dir = plan.targets().get(i);
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw Failures.localIo("create the folder", dir, e);
                }
            }
        }
    }

    /**
     * Marks each top-level folder as being written into ({@code incomplete}), so that a later
     * run of an interrupted transfer finishes it instead of starting a renamed copy, or removes
     * the marks once every file is committed.
     */
    private static void markFolders(Manifest manifest, ConflictResolver.Plan plan, boolean incomplete) {
        List<String> names = manifest.topLevelNames();
        for (int k = 0; k < names.size(); k++) {
            Path dir = plan.topLevel().get(k);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                if (!incomplete) {
                    FolderMarker.remove(dir);
                } else if (!plan.resumedFolders().contains(dir)) {
                    FolderMarker.write(dir, manifest, names.get(k));
                }
            } catch (IOException e) {
                throw Failures.localIo("mark the folder", dir, e);
            }
        }
    }

    /** Folder times and modes last, deepest first: writing into a folder changes its time. */
    private static void finishDirectories(Manifest manifest, ConflictResolver.Plan plan) {
        List<Integer> dirs = new ArrayList<>();
        List<ManifestEntry> entries = manifest.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).type() == EntryType.DIR) {
                dirs.add(i);
            }
        }
        dirs.sort(Comparator.comparingInt((Integer i) -> plan.targets().get(i).getNameCount())
                .reversed());
        for (int i : dirs) {
            Path dir = plan.targets().get(i);
            try {
                Files.setLastModifiedTime(
                        dir, FileTime.fromMillis(entries.get(i).mtimeMillis()));
                PosixModes.apply(dir, entries.get(i).mode());
            } catch (IOException e) {
                throw Failures.localIo("update the folder", dir, e);
            }
        }
    }

    /** Waits for the committer to make every verified file durable under its final name. */
    private void awaitCommits() {
        try {
            committer.awaitAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(FailureReason.CANCELLED, "The transfer was interrupted.", e);
        }
        checkNotFailed();
    }

    private void onCommitted() {
        meter.update(0, filesDone.incrementAndGet()); // the meter keeps the larger byte count
    }

    private void onCommitFailed(IncomingFile file, IOException e) {
        file.discard();
        fail(Failures.localIo("save", file.target(), e), true);
    }

    /** What has arrived of one accepted offer; it outlives the pairings that deliver it. */
    private final class Receipt {
        final Manifest manifest;
        final ConflictResolver.Plan plan;
        final int chunkSize;
        final List<Integer> files = new ArrayList<>();
        boolean finished;
        private final long[] resumeOffsets;
        /** Verified parts of files an earlier, interrupted run left, by entry index, until each is opened. */
        private final Map<Integer, ResumePoint> resumePoints = new HashMap<>();

        private int nextFile;
        private int filesAcked;
        private long ackBatch;
        private long verified;
        private long written;
        private long pendingCredit;

        Receipt(Manifest manifest, ConflictResolver.Plan plan, int chunkSize) {
            this.manifest = manifest;
            this.plan = plan;
            this.chunkSize = chunkSize;
            List<ManifestEntry> entries = manifest.entries();
            this.resumeOffsets = new long[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).type() == EntryType.FILE) {
                    files.add(i);
                    if (plan.skipped()[i]) {
                        verified += entries.get(i).size();
                    }
                }
            }
        }

        /** Checks what earlier runs left of each file against its journal; counts what can be kept. */
        void findResumePoints() {
            for (int i : files) {
                if (plan.skipped()[i]) {
                    continue;
                }
                Path target = plan.targets().get(i);
                ResumePoint point;
                try {
                    point = IncomingFile.resumePoint(target, identity(i));
                } catch (IOException e) {
                    throw Failures.localIo("check the partial file of", target, e);
                }
                if (point.offset() > 0) {
                    resumePoints.put(i, point);
                    resumeOffsets[i] = point.offset();
                    verified += point.offset();
                }
            }
        }

        /** What the journal of entry {@code index} records: the file as offered, and the piece size. */
        private JournalIdentity identity(int index) {
            ManifestEntry e = manifest.entries().get(index);
            return new JournalIdentity(
                    e.path(), e.size(), e.mtimeMillis(), Math.min(chunkSize, SenderSession.MAX_PIECE));
        }

        private IncomingFile open(int index) throws IOException {
            ResumePoint point = resumePoints.remove(index);
            return IncomingFile.open(
                    plan.targets().get(index), flusher, identity(index), point == null ? ResumePoint.fresh() : point);
        }

        List<ManifestEntry> fileEntries() {
            List<ManifestEntry> entries = new ArrayList<>(files.size());
            files.forEach(i -> entries.add(manifest.entries().get(i)));
            return entries;
        }

        /** Files kept as they are count as done from the start. */
        void countSkipped() {
            for (int i : files) {
                if (plan.skipped()[i]) {
                    onCommitted();
                }
            }
        }

        /** A new pairing: credit of the old one is void, and stale pieces were dropped. */
        void startPairing(long ackBatch) {
            this.ackBatch = ackBatch;
            pendingCredit = 0;
            skipComplete();
        }

        /** Per entry, the verified bytes we have: all of a complete file, what is written of the current one. */
        List<Long> offsets() {
            List<ManifestEntry> entries = manifest.entries();
            List<Long> offsets = new ArrayList<>(entries.size());
            Integer currentIndex = nextFile < files.size() ? files.get(nextFile) : null;
            for (int i = 0; i < entries.size(); i++) {
                if (isComplete(i)) {
                    offsets.add(entries.get(i).size());
                } else if (currentIndex != null && i == currentIndex && current != null) {
                    offsets.add(current.written());
                } else {
                    offsets.add(resumeOffsets[i]);
                }
            }
            return offsets;
        }

        /** The entries the sender must not send again. */
        List<Integer> complete() {
            List<Integer> complete = new ArrayList<>();
            for (int i : files) {
                if (isComplete(i)) {
                    complete.add(i);
                }
            }
            return complete;
        }

        private boolean isComplete(int index) {
            if (plan.skipped()[index]) {
                return true;
            }
            int position = Collections.binarySearch(files, index); // ascending: entries in manifest order
            return position >= 0 && position < nextFile;
        }

        TransferResult result() {
            return new TransferResult(files.size(), written, elapsed(), plan.topLevel());
        }

        void run() {
            while (true) {
                Object message = next();
                if (message instanceof DataFrame piece) {
                    write(piece);
                } else if (message instanceof FileEnd end) {
                    commit(end);
                } else if (message instanceof Done) {
                    skipComplete();
                    if (nextFile != files.size()) {
                        throw Failures.protocol("The sender finished before sending every file.");
                    }
                    return;
                } else {
                    throw Failures.protocol("Unexpected " + message.getClass().getSimpleName()
                            + " from the sender while files were arriving.");
                }
                acknowledge();
            }
        }

        private void skipComplete() {
            while (nextFile < files.size() && plan.skipped()[files.get(nextFile)]) {
                nextFile++;
            }
        }

        private int expectedFile(int index) {
            skipComplete();
            if (nextFile >= files.size() || index != files.get(nextFile)) {
                throw Failures.protocol("The sender sent file " + index + " out of order.");
            }
            return index;
        }

        private void write(DataFrame piece) {
            int index = expectedFile(piece.fileIndex());
            ManifestEntry entry = manifest.entries().get(index);
            Path target = plan.targets().get(index);
            long at = current != null ? current.written() : resumeOffsets[index];
            if (piece.offset() != at) {
                throw Failures.protocol("A piece of " + entry.path() + " arrived at offset " + piece.offset()
                        + " where " + at + " was expected.");
            }
            if (at + piece.rawLength() > entry.size()) {
                throw Failures.protocol(
                        "The sender sent more than the " + entry.size() + " bytes of " + entry.path() + ".");
            }
            try {
                ByteBuffer bytes = decoder.decode(piece);
                if (current == null) {
                    current = open(index);
                }
                current.write(bytes);
            } catch (ProtocolException e) {
                throw Failures.protocol(e);
            } catch (IOException e) {
                throw Failures.localIo("write", target, e);
            }
            verified += piece.rawLength();
            written += piece.rawLength();
            pendingCredit += piece.rawLength();
            meter.update(verified, filesDone.get());
        }

        private void commit(FileEnd end) {
            int index = expectedFile(end.fileIndex());
            ManifestEntry entry = manifest.entries().get(index);
            Path target = plan.targets().get(index);
            boolean intact;
            try {
                if (current == null) {
                    current = open(index);
                }
                if (current.written() != entry.size()) {
                    throw Failures.protocol(
                            entry.path() + " ended after " + current.written() + " of its " + entry.size() + " bytes.");
                }
                intact = current.verify(end.sha256());
                if (!hashMac().verify(index, end.sha256(), end.mac())) {
                    throw new TransferException(
                            FailureReason.INTEGRITY,
                            "The checksum announced for " + entry.path()
                                    + " is not authentic: it was altered in transit. Nothing was saved under"
                                    + " its name.");
                }
            } catch (IOException e) {
                throw Failures.localIo("save", target, e);
            }
            IncomingFile verifiedFile = current;
            current = null;
            if (!intact) {
                throw new TransferException(
                        FailureReason.INTEGRITY,
                        entry.path() + " was corrupted in transit (SHA-256 mismatch); nothing was saved under"
                                + " its name.");
            }
            committer.submit(verifiedFile, entry.mtimeMillis(), entry.mode());
            nextFile++;
        }

        /** Grants credit back in batches, and reports finished files when nothing else is queued. */
        private void acknowledge() {
            boolean idle = inboxEmpty();
            int done = filesDone.get();
            if (pendingCredit >= ackBatch || (idle && (pendingCredit > 0 || done != filesAcked))) {
                active().granted.addAndGet(pendingCredit);
                send(new Ack(verified, done, pendingCredit));
                pendingCredit = 0;
                filesAcked = done;
            }
        }
    }

    @Override
    void onPeerFrame(Frame frame) throws ProtocolException {
        switch (frame.type()) {
            case MANIFEST -> deliver(ControlCodec.decode(frame, Manifest.class));
            case DATA -> {
                DataFrame piece = DataFrame.parse(frame);
                Round round = dispatching();
                if (round.received.addAndGet(piece.rawLength()) > round.granted.get()) {
                    throw new ProtocolException("The sender sent more data than the receiver allowed.");
                }
                deliver(piece);
            }
            case FILE_END -> deliver(ControlCodec.decode(frame, FileEnd.class));
            case DONE -> deliver(ControlCodec.decode(frame, Done.class));
            default ->
                throw new ProtocolException(
                        "The sender sent a " + frame.type() + " frame, which only a receiver sends.");
        }
    }

    @Override
    void cleanup() {
        committer.close();
        if (current != null) {
            TransferException f = failure();
            if (f != null && f.reason() == FailureReason.INTEGRITY) {
                current.discard(); // with DATA in clear, what was written may be what was tampered with
            } else {
                current.keep(); // the verified part and its journal let the next run resume
            }
            current = null;
        }
        decoder.close();
        flusher.close();
    }
}
