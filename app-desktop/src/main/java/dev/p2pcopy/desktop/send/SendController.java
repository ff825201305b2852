package dev.p2pcopy.desktop.send;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.app.Screen;
import dev.p2pcopy.desktop.format.TransferTexts;
import dev.p2pcopy.desktop.fx.FxThrottle;
import dev.p2pcopy.desktop.fx.PathDialogs;
import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.transfers.Direction;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.beans.InvalidationListener;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * The Send screen's controller: it checks and lists what the user drops or chooses, counts
 * folder sizes on a worker thread, starts the transfer through the {@link
 * dev.p2pcopy.desktop.transfers.TransferService} and follows its item until it ends.
 */
public final class SendController {
    /** Row sizes of a folder being counted refresh at most this often. */
    private static final Duration SIZE_UPDATES = Duration.ofMillis(150);

    private final AppContext context;
    private final PathDialogs dialogs;
    private final SizeCounter counter;
    private final SendModel model = new SendModel();
    private final SendView view = new SendView(model);
    private final Map<SendEntry, Runnable> counts = new HashMap<>();
    private final InvalidationListener follow = o -> refresh();
    private Path lastFolder;

    /** The controller of the screen, sharing {@code context}. */
    public SendController(AppContext context) {
        this(context, PathDialogs.system(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "p2p-copy-send-sizes");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * @param dialogs asks for files and folders
     * @param sizeWorker where folder sizes are counted (never the FX thread)
     */
    SendController(AppContext context, PathDialogs dialogs, Executor sizeWorker) {
        this.context = context;
        this.dialogs = dialogs;
        this.counter = new SizeCounter(sizeWorker);
        view.onFilesDropped(files -> add(files.stream().map(File::toPath).toList()));
        view.onChooseFiles(this::chooseFiles);
        view.onChooseFolder(this::chooseFolder);
        view.onRemove(this::remove);
        view.onStart(this::start);
        view.onCopy(this::copy);
        view.onCancel(this::cancel);
        view.onTryAgain(this::tryAgain);
        view.onSendMore(this::sendMore);
        view.onShowTransfers(() -> context.screenProperty().set(Screen.TRANSFERS));
        model.summaryProperty().set(SendTexts.summary(model.entries()));
    }

    /** The screen. */
    public View view() {
        return view;
    }

    /** The screen's state, for tests. */
    SendModel model() {
        return model;
    }

    /** The screen's view with its parts, for tests. */
    SendView sendView() {
        return view;
    }

    /**
     * Adds {@code paths} to the list, except those that are gone, unreadable, already listed or
     * named like a listed one (the receiver could not tell them apart); the first such problem is
     * shown in one sentence.
     */
    void add(List<Path> paths) {
        if (model.phaseProperty().get() != SendPhase.CHOOSING) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Path raw : paths) {
            Path path = raw.toAbsolutePath().normalize();
            String problem = problemWith(path);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            SendEntry entry = new SendEntry(path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
            model.entries().add(entry);
            FxThrottle<PathSize> sizes = new FxThrottle<>(SIZE_UPDATES, size -> {
                entry.sizeProperty().set(size);
                summarise();
            });
            counts.put(entry, counter.count(path, sizes::submit));
        }
        model.noticeProperty().set(SendTexts.notice(problems));
        summarise();
    }

    private String problemWith(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return "“" + path + "” cannot be sent because it has no name of its own.";
        }
        String shown = "“" + name + "”";
        if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
            return shown + " no longer exists, so it was not added.";
        }
        if (!Files.isReadable(path)) {
            return shown + " cannot be read, so it was not added.";
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (SendEntry entry : model.entries()) {
            if (entry.path().equals(path)) {
                return shown + " is already in the list.";
            }
            if (entry.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return "Another item named " + shown + " is already in the list, so this one was not added.";
            }
        }
        return null;
    }

    private void remove(SendEntry entry) {
        Runnable stop = counts.remove(entry);
        if (stop != null) {
            stop.run();
        }
        model.entries().remove(entry);
        summarise();
    }

    private void summarise() {
        model.summaryProperty().set(SendTexts.summary(model.entries()));
    }

    private void chooseFiles() {
        List<Path> files = dialogs.files(view.window(), "Choose files to send", lastFolder);
        if (!files.isEmpty()) {
            lastFolder = files.get(0).getParent();
            add(files);
        }
    }

    private void chooseFolder() {
        dialogs.folder(view.window(), "Choose a folder to send", lastFolder).ifPresent(folder -> {
            lastFolder = folder.getParent();
            add(List.of(folder));
        });
    }

    private void start() {
        if (model.phaseProperty().get() == SendPhase.CHOOSING
                && !model.entries().isEmpty()) {
            follow(context.transfers()
                    .send(model.entries().stream().map(SendEntry::path).toList()));
        }
    }

    /** Runs the ended transfer again under a new code; the old one leaves the Transfers list. */
    private void tryAgain() {
        TransferItem ended = unfollow();
        if (ended != null) {
            follow(context.transfers().resume(ended, null, null)); // a sender needs no code or offer handler
        }
    }

    private void cancel() {
        TransferItem item = model.itemProperty().get();
        if (item != null && !item.stateProperty().get().isTerminal()) {
            context.transfers().cancel(item); // also before the engine has started: it stops once it does
        }
    }

    private void copy() {
        String code = model.codeProperty().get();
        if (!code.isEmpty()) {
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, code));
            model.copiedProperty().set(true);
        }
    }

    /** Back to an empty chooser. */
    private void sendMore() {
        unfollow();
        counts.values().forEach(Runnable::run);
        counts.clear();
        model.entries().clear();
        model.noticeProperty().set("");
        summarise();
        model.phaseProperty().set(SendPhase.CHOOSING);
    }

    private void follow(TransferItem item) {
        model.itemProperty().set(item);
        model.titleProperty().set(item.titleProperty().get());
        model.copiedProperty().set(false);
        item.codeProperty().addListener(follow);
        item.stateProperty().addListener(follow);
        item.progressProperty().addListener(follow);
        refresh();
    }

    private TransferItem unfollow() {
        TransferItem item = model.itemProperty().get();
        if (item != null) {
            item.codeProperty().removeListener(follow);
            item.stateProperty().removeListener(follow);
            item.progressProperty().removeListener(follow);
            model.itemProperty().set(null);
            model.stateProperty().set(null);
            model.codeProperty().set("");
        }
        return item;
    }

    /** Shows the followed item's latest code, state and progress. */
    private void refresh() {
        TransferItem item = model.itemProperty().get();
        String code = item.codeProperty().get();
        TransferState state = item.stateProperty().get();
        TransferProgress progress = item.progressProperty().get();
        if (!code.equals(model.codeProperty().get())) {
            model.copiedProperty().set(false);
        }
        model.codeProperty().set(code);
        model.stateProperty().set(state);
        model.phaseProperty().set(phaseOf(state));
        model.statusProperty().set(SendTexts.status(state, !code.isEmpty(), progress));
        model.progressProperty()
                .set(progress.totalBytes() == 0 ? ProgressIndicator.INDETERMINATE_PROGRESS : progress.fraction());
        model.progressTextProperty().set(TransferTexts.figures(state, progress, null));
        model.outcomeProperty().set(outcome(item, state, progress));
        model.outcomeDetailProperty()
                .set(
                        state == TransferState.DONE && item.resultProperty().get() != null
                                ? TransferTexts.done(
                                        progress, item.resultProperty().get())
                                : "");
    }

    /** The end in the shared words; a failure says why in its own sentence. */
    private static String outcome(TransferItem item, TransferState state, TransferProgress progress) {
        return switch (state) {
            case DONE, CANCELLED -> TransferTexts.state(Direction.SEND, state, progress);
            case FAILED ->
                item.failureProperty().get().isBlank()
                        ? TransferTexts.state(Direction.SEND, state, progress)
                        : item.failureProperty().get();
            default -> "";
        };
    }

    private static SendPhase phaseOf(TransferState state) {
        return switch (state) {
            case CONNECTING, WAITING_FOR_PEER, HANDSHAKE, AWAITING_ACCEPT -> SendPhase.WAITING;
            case TRANSFERRING, RECONNECTING -> SendPhase.TRANSFERRING;
            case DONE, FAILED, CANCELLED -> SendPhase.ENDED;
        };
    }
}
