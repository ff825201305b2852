package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.format.TransferTexts;
import dev.p2pcopy.desktop.relay.RelayPicker;
import dev.p2pcopy.desktop.settings.Settings;
import dev.p2pcopy.desktop.settings.SettingsModel;
import dev.p2pcopy.desktop.system.KeepAwake;
import dev.p2pcopy.desktop.system.Notifier;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.NodeStatsSource;
import dev.p2pcopy.protocol.OfferHandler;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The one place the desktop app starts, resumes and cancels transfers: it turns the current
 * settings into engine options, keeps the list of transfers, holds the computer awake while any
 * runs, and notifies when one ends. Interrupted transfers that can be resumed are kept in a
 * {@link TransferHistory}, so that they are listed again, with Resume, after a restart of the
 * app. Call its methods on the FX thread; the slow parts (choosing the relay, saving the
 * history) run on worker threads.
 */
public final class TransferService implements AutoCloseable {
    private final SettingsModel settings;
    private final RelayPicker relays;
    private final NodeStatsSource stats;
    private final KeepAwake keepAwake;
    private final Notifier notifier;
    private final TransferHistory history;
    private final ObservableList<TransferItem> items = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "p2p-copy-transfer-starter");
        t.setDaemon(true);
        return t;
    });
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private KeepAwake.Hold awake;
    private List<HistoryEntry> kept; // what the history file holds (or is about to)
    private boolean closed;

    /**
     * Lists the interrupted transfers of earlier runs that {@code history} kept.
     *
     * @param settings read when a transfer starts, so changes apply to the next one
     * @param relays resolves the configured relay
     * @param stats this computer's figures for the peer's node view
     * @param keepAwake how to keep the computer awake
     * @param notifier where "done" and "failed" are announced
     * @param history where interrupted transfers are kept across restarts
     */
    public TransferService(
            SettingsModel settings,
            RelayPicker relays,
            NodeStatsSource stats,
            KeepAwake keepAwake,
            Notifier notifier,
            TransferHistory history) {
        this.settings = settings;
        this.relays = relays;
        this.stats = stats;
        this.keepAwake = keepAwake;
        this.notifier = notifier;
        this.history = history;
        this.kept = history.load();
        kept.forEach(entry -> items.add(TransferItem.restored(entry)));
        // Resume and "Clear finished" take entries out of the list, and so out of the history.
        items.addListener((ListChangeListener<TransferItem>) change -> keep());
    }

    /** Every transfer of this session, newest first, after them those restored from earlier runs. */
    public ObservableList<TransferItem> items() {
        return items;
    }

    /** How many transfers are running. */
    public ReadOnlyIntegerProperty activeCountProperty() {
        return active.getReadOnlyProperty();
    }

    /**
     * Starts sending {@code paths}; the code appears in the item's {@link
     * TransferItem#codeProperty()} once the relay has accepted the room.
     */
    public TransferItem send(List<Path> paths) {
        Path first = paths.get(0).toAbsolutePath();
        Path folder = first.getParent() == null ? first : first.getParent();
        TransferItem item = new TransferItem(Direction.SEND, paths, folder);
        item.titleProperty().set(Titles.ofSources(paths));
        Settings s = settings.snapshot();
        start(item, relay -> P2pCopy.send(paths, sendOptions(s, relay, item)), s);
        return item;
    }

    /**
     * Starts receiving with {@code code} into {@code folder}; {@code offers} decides on the
     * sender's manifest (e.g. by asking the user).
     */
    public TransferItem receive(String code, Path folder, OfferHandler offers) {
        TransferItem item = new TransferItem(Direction.RECEIVE, List.of(), folder);
        item.titleProperty().set("Receiving into " + folder.getFileName());
        item.codeProperty().set(code);
        Settings s = settings.snapshot();
        OfferHandler remembering = manifest -> {
            Platform.runLater(() -> {
                item.titleProperty().set(Titles.ofManifest(manifest));
            });
            return offers.onOffer(manifest);
        };
        start(item, relay -> P2pCopy.receive(code, receiveOptions(s, relay, folder, remembering, item)), s);
        return item;
    }

    /**
     * Runs an interrupted transfer again, continuing from what the receiver has verified: a
     * sender offers the same files under a new code; a receiver receives into the same folder
     * with {@code code} (the old one while the sender still waits, else the sender's new one).
     */
    public TransferItem resume(TransferItem interrupted, String code, OfferHandler offers) {
        items.remove(interrupted);
        return interrupted.direction() == Direction.SEND
                ? send(interrupted.sources())
                : receive(code, interrupted.folder(), offers);
    }

    /**
     * Cancels a running transfer (the peer is told), also one still choosing its relay; does
     * nothing once it has ended.
     */
    public void cancel(TransferItem item) {
        item.cancel();
    }

    /** Removes ended transfers from the list. */
    public void clearEnded() {
        items.removeIf(i -> i.stateProperty().get().isTerminal());
    }

    /**
     * Cancels whatever still runs and stops the embedded relay. The running transfers are kept in
     * the history as interrupted, so that the next start of the app offers to resume them.
     */
    @Override
    public void close() {
        boolean first = !closed;
        closed = true;
        List<HistoryEntry> last = interrupted(true); // before the cancels: their progress as it stands
        items.forEach(this::cancel);
        awaitEnds(CLOSE_GRACE);
        starter.shutdownNow();
        relays.close();
        release();
        if (first) {
            if (!last.equals(kept)) {
                history.saveLater(last);
            }
            history.close();
        }
    }

    private void start(TransferItem item, Function<URI, Transfer> launch, Settings s) {
        items.add(0, item);
        active.set(active.get() + 1);
        if (s.keepAwake() && awake == null) {
            awake = keepAwake.hold("p2p-copy is transferring files");
        }
        if (s.relayUrl().isBlank()) {
            item.stateProperty().addListener((obs, old, now) -> {
                if (now == TransferState.RECONNECTING && !starter.isShutdown()) {
                    starter.execute(this::keepDefaultRelayUp);
                }
            });
        }
        CompletableFuture.supplyAsync(() -> launch.apply(relays.pick(s.relayUrl())), starter)
                .thenCompose(transfer -> {
                    item.attach(transfer);
                    transfer.code()
                            .thenAccept(code ->
                                    Platform.runLater(() -> item.codeProperty().set(code)));
                    return transfer.result();
                })
                .whenComplete((result, error) -> Platform.runLater(() -> finish(item, result, error)));
    }

    private void finish(TransferItem item, TransferResult result, Throwable error) {
        item.transfer().ifPresent(t -> item.progressProperty().set(t.progress()));
        if (error == null) {
            item.succeed(result);
            notifier.show(
                    "Transfer complete",
                    TransferTexts.done(item.progressProperty().get(), result) + ": "
                            + item.titleProperty().get(),
                    false);
        } else {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            FailureReason reason = cause instanceof TransferException te ? te.reason() : FailureReason.LOCAL_IO;
            String sentence = cause instanceof TransferException
                    ? cause.getMessage()
                    : "The transfer stopped because of an unexpected error; Show details says more.";
            TransferState end = reason == FailureReason.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED;
            item.fail(end, reason, sentence, Details.of(reason, cause));
            boolean ownDecision = reason == FailureReason.PEER_DECLINED && item.direction() == Direction.RECEIVE;
            if (end == TransferState.FAILED && !ownDecision) {
                notifier.show("Transfer failed", sentence, true);
            }
        }
        active.set(active.get() - 1);
        if (active.get() == 0) {
            release();
        }
        keep();
    }

    /** Saves the interrupted transfers of the list whenever they change, until the service closes. */
    private void keep() {
        if (closed) {
            return; // the cancels of close() are the app quitting, already kept as interrupted
        }
        List<HistoryEntry> now = interrupted(false);
        if (!now.equals(kept)) {
            kept = now;
            history.saveLater(now);
        }
    }

    /** The entries the history keeps of the list, newest first; with {@code closing}, the running ones too. */
    private List<HistoryEntry> interrupted(boolean closing) {
        return items.stream()
                .map(item -> HistoryEntry.of(item, closing))
                .flatMap(Optional::stream)
                .limit(TransferHistory.LIMIT)
                .toList();
    }

    /** The default relay may have been another app's that quit: start one here so that reconnecting finds it. */
    private void keepDefaultRelayUp() {
        try {
            relays.pick("");
        } catch (RuntimeException e) {
            // The transfer's own reconnecting reports what is wrong.
        }
    }

    /**
     * Gives cancelled transfers a moment to tell their peers through the embedded relay before
     * it stops; otherwise a peer on this computer would see a lost connection and reconnect.
     */
    private void awaitEnds(Duration grace) {
        CompletableFuture<?>[] ends = items.stream()
                .map(TransferItem::transfer)
                .flatMap(Optional::stream)
                .map(Transfer::result)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(ends).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Failed (cancelled) is the expected end; one that takes longer is not waited for.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() {
        if (awake != null) {
            awake.close();
            awake = null;
        }
    }

    private SendOptions sendOptions(Settings s, URI relay, TransferItem item) {
        return SendOptions.builder(relay)
                .chunkSize(s.chunkSize())
                .compression(s.compression())
                .encrypt(s.encrypt())
                .trustedCertificate(certificate(s))
                .statsSource(stats)
                .listener(new ItemListener(item))
                .build();
    }

    private ReceiveOptions receiveOptions(Settings s, URI relay, Path folder, OfferHandler offers, TransferItem item) {
        return ReceiveOptions.builder(relay, folder)
                .offerHandler(offers)
                .conflictPolicy(s.conflictPolicy())
                .trustedCertificate(certificate(s))
                .statsSource(stats)
                .listener(new ItemListener(item))
                .build();
    }

    private static Path certificate(Settings s) {
        return s.trustedCertificate().isBlank()
                ? null
                : Path.of(s.trustedCertificate().strip());
    }
}
