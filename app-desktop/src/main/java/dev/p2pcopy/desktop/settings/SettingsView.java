package dev.p2pcopy.desktop.settings;

import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Settings screen: four cards (Relay, Files, Transfer, Appearance) with a label on the left
 * and its control on the right. Choices bind straight to the {@link SettingsModel}; the relay
 * address, the certificate and the folder go through the controller, which checks them first.
 */
public final class SettingsView implements View {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final double LABEL_WIDTH = 160;
    private static final double CHOICE_WIDTH = 300;
    /** Room kept above or below a control that scrolling brings into view. */
    private static final double REVEAL_MARGIN = 16;

    private static final Insets ROW_SPACE = new Insets(4, 0, 4, 0);
    private static final Insets NOTE_SPACE = new Insets(0, 0, 4, 0);

    private final ScrollPane root = new ScrollPane();
    private final VBox content = new VBox();
    private final TextField relay = new TextField();
    private final Button chooseCertificate = new Button("Choose…");
    private final Button clearCertificate = new Button("Clear");
    private final Button chooseDownloads = new Button("Choose…");
    // Bidirectional bindings hold their ends weakly: this adapter must live as long as the view.
    private final ObjectProperty<Integer> chunkSizeValue;
    private Consumer<String> onRelayCommit = text -> {};
    private Runnable onRelayCancel = () -> {};

    /**
     * Builds the screen on {@code settings}, showing the sentences of {@code status}.
     *
     * @param settings the live settings; the choices edit them directly
     * @param status problems to show
     */
    public SettingsView(SettingsModel settings, SettingsStatus status) {
        chunkSizeValue = settings.chunkSizeProperty().asObject();

        Label title = new Label("Settings");
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label("Changes apply at once and are saved automatically.");
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);
        Label loadProblem = sentence("settings-load-problem", "warning-text", status.loadProblemProperty());
        Label saveError = sentence("settings-save-error", "error-text", status.saveErrorProperty());

        content.getStyleClass().addAll("screen", "settings-screen");
        content.getChildren()
                .addAll(
                        new VBox(2, title, subtitle),
                        loadProblem,
                        saveError,
                        relayCard(settings, status),
                        filesCard(settings),
                        transferCard(settings),
                        appearanceCard(settings));
        root.setContent(content);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setFocusTraversable(false);
        root.getStyleClass().add("settings-scroll");
        revealFocusedControls();
    }

    @Override
    public Parent root() {
        return root;
    }

    /** Calls {@code action} with the typed relay address on Enter or when the field loses focus. */
    public void onRelayCommit(Consumer<String> action) {
        onRelayCommit = action;
    }

    /** Calls {@code action} when Escape reverts the relay field to the saved address. */
    public void onRelayCancel(Runnable action) {
        onRelayCancel = action;
    }

    /** Calls {@code action} when the user wants to pick a certificate file. */
    public void onChooseCertificate(Runnable action) {
        chooseCertificate.setOnAction(e -> action.run());
    }

    /** Calls {@code action} when the user wants to trust no extra certificate. */
    public void onClearCertificate(Runnable action) {
        clearCertificate.setOnAction(e -> action.run());
    }

    /** Calls {@code action} when the user wants to pick the download folder. */
    public void onChooseDownloads(Runnable action) {
        chooseDownloads.setOnAction(e -> action.run());
    }

    /** The window the screen shows in, as the owner of dialogs; null while not shown. */
    public Window window() {
        Scene scene = root.getScene();
        return scene == null ? null : scene.getWindow();
    }

    private VBox relayCard(SettingsModel settings, SettingsStatus status) {
        relay.setId("settings-relay");
        relay.setPromptText("Embedded default relay");
        relay.setText(settings.relayUrlProperty().get());
        relay.setTooltip(new Tooltip("Leave empty for the default: the relay named by "
                + DefaultRelay.ENVIRONMENT_VARIABLE + " if set, else one on this computer, started by the app if"
                + " none runs.\nBoth computers must use the same relay."));
        settings.relayUrlProperty().addListener((obs, old, now) -> relay.setText(now));
        relay.setOnAction(e -> onRelayCommit.accept(relay.getText()));
        relay.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                onRelayCommit.accept(relay.getText());
            }
        });
        relay.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean edited = !relay.getText().equals(settings.relayUrlProperty().get())
                    || relay.getPseudoClassStates().contains(INVALID);
            if (e.getCode() == KeyCode.ESCAPE && edited) { // otherwise Escape is left to the window
                relay.setText(settings.relayUrlProperty().get());
                onRelayCancel.run();
                e.consume();
            }
        });
        status.relayErrorProperty()
                .addListener((obs, old, now) -> relay.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        Label relayError = sentence("settings-relay-error", "error-text", status.relayErrorProperty());
        Label relayHint = new Label("For example ws://relay.example:8765 or wss://relay.example.");
        relayHint.getStyleClass().add("muted");
        relayHint.visibleProperty().bind(relayError.visibleProperty().not());
        relayHint.managedProperty().bind(relayHint.visibleProperty());

        ObservableValue<String> certificate = settings.trustedCertificateProperty();
        Label certificatePath = path(
                "settings-certificate-path",
                Bindings.createStringBinding(
                        () -> certificate.getValue().isEmpty()
                                ? "None: only certificates the system trusts"
                                : certificate.getValue(),
                        certificate));
        chooseCertificate.setId("settings-certificate-choose");
        chooseCertificate.setAccessibleText("Choose a certificate to trust");
        chooseCertificate.setTooltip(
                new Tooltip("A PEM or DER certificate to trust when a wss:// relay uses a self-signed certificate."));
        clearCertificate.setId("settings-certificate-clear");
        clearCertificate
                .disableProperty()
                .bind(Bindings.createBooleanBinding(() -> certificate.getValue().isEmpty(), certificate));
        Label certificateError =
                sentence("settings-certificate-error", "error-text", status.certificateErrorProperty());

        GridPane grid = grid();
        row(grid, 0, label("Relay _address", relay), relay);
        note(grid, 1, relayError);
        note(grid, 2, relayHint);
        row(
                grid,
                3,
                label("Trusted _certificate", chooseCertificate),
                pathRow(certificatePath, chooseCertificate, clearCertificate));
        note(grid, 4, certificateError);
        return card("Relay", grid);
    }

    private VBox filesCard(SettingsModel settings) {
        Label folder = path(
                "settings-downloads-path",
                Bindings.createStringBinding(
                        () -> String.valueOf(settings.downloadFolderProperty().get()),
                        settings.downloadFolderProperty()));
        chooseDownloads.setId("settings-downloads-choose");
        chooseDownloads.setAccessibleText("Choose the download folder");
        chooseDownloads.setTooltip(new Tooltip("Where received files go unless you pick another folder."));

        ComboBox<ConflictPolicy> conflict =
                choice("settings-conflict", List.of(ConflictPolicy.values()), Choices::conflictPolicy);
        conflict.valueProperty().bindBidirectional(settings.conflictPolicyProperty());
        conflict.setTooltip(
                new Tooltip("What happens when a received file has the name of one already in the folder."));

        GridPane grid = grid();
        row(grid, 0, label("_Download folder", chooseDownloads), pathRow(folder, chooseDownloads));
        row(grid, 1, label("_If a file exists", conflict), conflict);
        return card("Files", grid);
    }

    private VBox transferCard(SettingsModel settings) {
        ComboBox<Compression> compression =
                choice("settings-compression", List.of(Compression.values()), Choices::compression);
        compression.valueProperty().bindBidirectional(settings.compressionProperty());
        compression.setTooltip(new Tooltip("How files you send are compressed. Automatic skips data that does not"
                + " shrink, such as videos and archives."));

        CheckBox encrypt = new CheckBox("_Encrypt file data end to end");
        encrypt.setId("settings-encrypt");
        encrypt.selectedProperty().bindBidirectional(settings.encryptProperty());
        encrypt.setTooltip(new Tooltip(
                "Applies to files you send. The code's check and the files' checksums are" + " protected either way."));
        Label unencrypted = new Label("File data will cross the relay unencrypted; its integrity is still checked.");
        unencrypted.setId("settings-encrypt-warning");
        unencrypted.getStyleClass().add("warning-text");
        unencrypted.setWrapText(true);
        unencrypted.visibleProperty().bind(settings.encryptProperty().not());
        unencrypted.managedProperty().bind(unencrypted.visibleProperty());

        List<Integer> sizes = Choices.chunkSizes();
        if (!sizes.contains(settings.chunkSizeProperty().get())) {
            sizes.add(settings.chunkSizeProperty().get()); // a size set by hand in the file stays selectable
            sizes.sort(null);
        }
        ComboBox<Integer> chunkSize = choice("settings-chunk-size", sizes, Choices::chunkSize);
        chunkSize.valueProperty().bindBidirectional(chunkSizeValue);
        chunkSize.setTooltip(new Tooltip("File data per message. Larger chunks suit fast links; smaller ones"
                + " lose less when a connection drops."));

        CheckBox keepAwake = new CheckBox("_Keep the computer awake during transfers");
        keepAwake.setId("settings-keep-awake");
        keepAwake.selectedProperty().bindBidirectional(settings.keepAwakeProperty());

        GridPane grid = grid();
        row(grid, 0, label("Co_mpression", compression), compression);
        row(grid, 1, label("Encryption", encrypt), encrypt);
        note(grid, 2, unencrypted);
        row(grid, 3, label("Chunk si_ze", chunkSize), chunkSize);
        row(grid, 4, label("Power", keepAwake), keepAwake);
        return card("Transfer", grid);
    }

    private VBox appearanceCard(SettingsModel settings) {
        ComboBox<Theme> theme = choice("settings-theme", List.of(Theme.values()), Choices::theme);
        theme.valueProperty().bindBidirectional(settings.themeProperty());
        GridPane grid = grid();
        row(grid, 0, label("T_heme", theme), theme);
        return card("Appearance", grid);
    }

    private static <T> ComboBox<T> choice(String id, List<T> items, Function<T, String> names) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(Choices.converter(names));
        box.setPrefWidth(CHOICE_WIDTH);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setVisibleRowCount(items.size());
        return box;
    }

    private static VBox card(String title, GridPane grid) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox card = new VBox(heading, grid);
        card.getStyleClass().addAll("card", "settings-card");
        return card;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH, LABEL_WIDTH, LABEL_WIDTH);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setMinWidth(0);
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(false);
        controls.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().addAll(labels, controls);
        return grid;
    }

    private static Label label(String text, Control target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        label.getStyleClass().add("settings-label");
        return label;
    }

    /** Adds the label and its control; rows are added top to bottom, which is also the tab order. */
    private static void row(GridPane grid, int row, Label label, Node control) {
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        GridPane.setMargin(label, ROW_SPACE);
        GridPane.setMargin(control, ROW_SPACE);
        if (control instanceof TextField || control instanceof HBox) {
            GridPane.setFillWidth(control, true); // the others keep their own width
        }
    }

    /**
     * A line of text under a control. The grid has no gaps of its own (spacing comes from
     * margins), so the line takes no room at all while hidden.
     */
    private static void note(GridPane grid, int row, Label text) {
        grid.add(text, 1, row);
        GridPane.setMargin(text, NOTE_SPACE);
        GridPane.setFillWidth(text, true);
        text.setMaxWidth(Double.MAX_VALUE);
    }

    /** A sentence that shows only while {@code text} is not empty. */
    private static Label sentence(String id, String style, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> text.getValue() != null && !text.getValue().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A path that may be long: its end (the file's or folder's name) stays readable. */
    private static Label path(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("settings-path");
        label.textProperty().bind(text);
        label.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        Tooltip full = new Tooltip();
        full.textProperty().bind(text);
        label.setTooltip(full);
        return label;
    }

    private static HBox pathRow(Label path, Button... buttons) {
        HBox row = new HBox(8, path);
        for (Button button : buttons) {
            button.setMinWidth(Region.USE_PREF_SIZE); // the path gives way, the buttons stay readable
            row.getChildren().add(button);
        }
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(path, Priority.ALWAYS);
        row.setMaxWidth(Double.MAX_VALUE);
        return row;
    }

    /**
     * Scrolls so that a control reached with Tab is on screen; a ScrollPane does not do that by
     * itself, and at the window's minimum height the last card is below the fold.
     */
    private void revealFocusedControls() {
        ChangeListener<Node> follow = (obs, was, now) -> {
            if (now != null && isInside(now)) {
                reveal(now);
            }
        };
        // The main window takes the screen out of its scene and puts it back when the user switches screens.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(follow);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(follow);
            }
        });
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    private void reveal(Node node) {
        double viewport = root.getViewportBounds().getHeight();
        double hidden = content.getBoundsInLocal().getHeight() - viewport;
        if (hidden <= 0) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = root.getVvalue() * hidden;
        if (bounds.getMinY() - REVEAL_MARGIN < top) {
            top = bounds.getMinY() - REVEAL_MARGIN;
        } else if (bounds.getMaxY() + REVEAL_MARGIN > top + viewport) {
            top = bounds.getMaxY() + REVEAL_MARGIN - viewport;
        } else {
            return;
        }
        root.setVvalue(Math.max(0, Math.min(1, top / hidden)));
    }
}
