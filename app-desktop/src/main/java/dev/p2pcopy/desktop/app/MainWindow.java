package dev.p2pcopy.desktop.app;

import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.nodes.NodesController;
import dev.p2pcopy.desktop.receive.ReceiveController;
import dev.p2pcopy.desktop.send.SendController;
import dev.p2pcopy.desktop.settings.SettingsController;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.desktop.transfers.TransfersController;
import dev.p2pcopy.protocol.TransferProgress;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The app's window: a navigation column with one button per {@link Screen}, and the chosen
 * screen beside it. It also keeps the window title showing the progress of running transfers.
 */
public final class MainWindow {
    /** The smallest size at which every screen still fits. */
    public static final double MIN_WIDTH = 780;
    /** The smallest size at which every screen still fits. */
    public static final double MIN_HEIGHT = 560;

    private final AppContext context;
    private final Map<Screen, View> views = new EnumMap<>(Screen.class);
    private final BorderPane root = new BorderPane();
    private final Scene scene;

    /** Builds every screen on {@code context}. */
    public MainWindow(AppContext context) {
        this.context = context;
        views.put(Screen.SEND, new SendController(context).view());
        views.put(Screen.RECEIVE, new ReceiveController(context).view());
        views.put(Screen.TRANSFERS, new TransfersController(context).view());
        views.put(Screen.NODES, new NodesController(context).view());
        views.put(Screen.SETTINGS, new SettingsController(context).view());
        root.setLeft(sidebar());
        StackPane content = new StackPane();
        root.setCenter(content);
        context.screenProperty()
                .addListener((obs, old, now) ->
                        content.getChildren().setAll(views.get(now).root()));
        content.getChildren().setAll(views.get(context.screenProperty().get()).root());
        scene = new Scene(root, 1000, 700);
        for (Screen s : Screen.values()) { // Ctrl+1 … Ctrl+5, besides the Alt mnemonics
            scene.getAccelerators()
                    .put(
                            new KeyCodeCombination(
                                    KeyCode.valueOf("DIGIT" + (s.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN),
                            () -> context.screenProperty().set(s));
        }
        context.settings().themeProperty().addListener((obs, old, now) -> now.applyTo(scene));
        context.settings().themeProperty().get().applyTo(scene);
    }

    /** The scene holding the whole window. */
    public Scene scene() {
        return scene;
    }

    /** The root of the scene. */
    public Parent root() {
        return root;
    }

    /** The view of one screen, e.g. for screenshots. */
    public View view(Screen screen) {
        return views.get(screen);
    }

    /** Puts the window on {@code stage}: scene, minimum size, and a title that shows progress. */
    public void showOn(Stage stage) {
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.titleProperty().bind(title());
        QuitGuard.install(
                stage,
                context.transfers(),
                () -> context.settings().themeProperty().get());
        stage.show();
    }

    /** "p2p-copy", or "42 % · p2p-copy" while transfers run. */
    StringBinding title() {
        var items = context.transfers().items();
        Observable[] watched = {items, context.transfers().activeCountProperty()};
        StringBinding title = Bindings.createStringBinding(() -> WindowTitle.of(items), watched);
        // Progress of each item changes without the list changing: re-evaluate on those too.
        ListChangeListener<TransferItem> follow = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(i -> {
                    i.progressProperty().addListener((o, a, b) -> title.invalidate());
                    i.stateProperty().addListener((o, a, b) -> title.invalidate());
                });
            }
        };
        items.addListener(follow);
        return title;
    }

    private VBox sidebar() {
        Label name = new Label("p2p-copy");
        name.getStyleClass().add("app-name");
        VBox bar = new VBox(name);
        bar.getStyleClass().add("sidebar");
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            ToggleButton button = new ToggleButton(s.label());
            button.setMnemonicParsing(true);
            button.getStyleClass().add("nav-button");
            button.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setUserData(s);
            button.setSelected(s == context.screenProperty().get());
            bar.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one screen always shows
            } else {
                context.screenProperty().set((Screen) now.getUserData());
            }
        });
        context.screenProperty()
                .addListener((obs, old, now) -> group.getToggles().stream()
                        .filter(t -> t.getUserData() == now)
                        .findFirst()
                        .ifPresent(t -> t.setSelected(true)));
        return bar;
    }

    /** The overall figure of the running transfers, for the title. */
    static final class WindowTitle {
        private WindowTitle() {}

        static String of(java.util.List<TransferItem> items) {
            long total = 0;
            long done = 0;
            int running = 0;
            for (TransferItem i : items) {
                if (!i.stateProperty().get().isTerminal()) {
                    running++;
                    TransferProgress p = i.progressProperty().get();
                    total += p.totalBytes();
                    done += Math.min(p.verifiedBytes(), p.totalBytes());
                }
            }
            if (running == 0) {
                return "p2p-copy";
            }
            String what = running == 1 ? "" : " · " + running + " transfers";
            return (total == 0 ? "…" : (done * 100 / total) + " %") + what + " · p2p-copy";
        }
    }
}
