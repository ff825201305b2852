package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The model of one transfer in the list, as JavaFX properties changed only on the FX thread.
 * {@link TransferService} creates it and feeds it from the engine through {@link ItemListener}.
 */
public final class TransferItem {
    private final Direction direction;
    private final List<Path> sources;
    private final Path folder;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final ObjectProperty<TransferState> state = new SimpleObjectProperty<>(TransferState.CONNECTING);
    private final ObjectProperty<TransferProgress> progress = new SimpleObjectProperty<>(TransferProgress.NONE);
    private final ObjectProperty<NodeStats> peerStats = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FailureReason> failureReason = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TransferResult> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty warning = new SimpleStringProperty("");
    private final boolean restored;
    private volatile Transfer transfer;
    private volatile boolean cancelRequested;
    private Instant endedAt; // FX thread only

    /**
     * @param direction send or receive
     * @param sources what a sender sends (empty for a receiver)
     * @param folder the receiver's target folder, or the folder holding a sender's first source
     */
    public TransferItem(Direction direction, List<Path> sources, Path folder) {
        this(direction, sources, folder, false);
    }

    private TransferItem(Direction direction, List<Path> sources, Path folder, boolean restored) {
        this.direction = direction;
        this.sources = List.copyOf(sources);
        this.folder = folder;
        this.restored = restored;
    }

    /**
     * An interrupted transfer of an earlier run of the app, as {@link TransferHistory} kept it:
     * ended, with its last progress and its sentence, ready to be resumed.
     */
    static TransferItem restored(HistoryEntry entry) {
        TransferItem item = new TransferItem(entry.direction(), entry.sources(), entry.folder(), true);
        item.title.set(entry.title());
        item.code.set(entry.code());
        item.progress.set(new TransferProgress(entry.totalBytes(), entry.verifiedBytes(), 0, 0, 0, ""));
        item.fail(entry.state(), entry.reason(), entry.failure(), entry.details());
        item.endedAt = entry.endedAt();
        return item;
    }

    /** Send or receive. */
    public Direction direction() {
        return direction;
    }

    /** What a sender sends; empty for a receiver. */
    public List<Path> sources() {
        return sources;
    }

    /** Where the files are: the receiver's target folder, or where a sender's files live. */
    public Path folder() {
        return folder;
    }

    /** A short name for the transfer: what is sent, or what arrives. */
    public StringProperty titleProperty() {
        return title;
    }

    /** The code; empty on the sender until the relay has accepted the room. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The engine's latest state. */
    public ObjectProperty<TransferState> stateProperty() {
        return state;
    }

    /** The latest progress: bytes the receiver has verified, on both sides. */
    public ObjectProperty<TransferProgress> progressProperty() {
        return progress;
    }

    /** The peer's latest resource figures, or null before any arrived. */
    public ObjectProperty<NodeStats> peerStatsProperty() {
        return peerStats;
    }

    /** The last warning that did not stop the transfer, or empty. */
    public StringProperty warningProperty() {
        return warning;
    }

    /** Why the transfer failed, in one sentence; empty unless it failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** More about a failure, for "Show details"; empty unless it failed. */
    public ReadOnlyStringProperty failureDetailsProperty() {
        return failureDetails.getReadOnlyProperty();
    }

    /** The failure's category, or null unless it failed. */
    public ReadOnlyObjectProperty<FailureReason> failureReasonProperty() {
        return failureReason.getReadOnlyProperty();
    }

    /** The result once the transfer succeeded, else null. */
    public ReadOnlyObjectProperty<TransferResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the transfer is still running. */
    public BooleanBinding activeBinding() {
        return Bindings.createBooleanBinding(() -> !state.get().isTerminal(), state);
    }

    /**
     * Whether a Resume makes sense: the transfer was interrupted (cancelled, or failed for a
     * reason that running it again can mend), and what arrived so far was kept.
     */
    public BooleanBinding resumableBinding() {
        return Bindings.createBooleanBinding(this::resumable, state, failureReason);
    }

    /** The value of {@link #resumableBinding()} now. */
    boolean resumable() {
        return switch (state.get()) {
            case CANCELLED -> true;
            case FAILED -> failureReason.get() != null && Resumable.after(failureReason.get());
            default -> false;
        };
    }

    /** Whether this transfer ran in an earlier run of the app and was restored from its history. */
    boolean restored() {
        return restored;
    }

    /** When the transfer ended, or null while it runs. */
    Instant endedAt() {
        return endedAt;
    }

    /** The running engine transfer, if it has started. */
    public Optional<Transfer> transfer() {
        return Optional.ofNullable(transfer);
    }

    void attach(Transfer transfer) {
        this.transfer = transfer;
        if (cancelRequested) { // Cancel was pressed while the relay was still being chosen
            transfer.cancel();
        }
    }

    /** Cancels the engine transfer now, or as soon as it is attached. */
    void cancel() {
        cancelRequested = true;
        Transfer t = transfer;
        if (t != null) {
            t.cancel();
        }
    }

    void succeed(TransferResult value) {
        endedAt = Instant.now();
        result.set(value);
        state.set(TransferState.DONE);
    }

    void fail(TransferState terminal, FailureReason reason, String sentence, String details) {
        endedAt = Instant.now();
        failureReason.set(reason);
        failure.set(sentence);
        failureDetails.set(details);
        state.set(terminal);
    }
}
