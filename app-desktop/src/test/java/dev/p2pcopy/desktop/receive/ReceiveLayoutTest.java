package dev.p2pcopy.desktop.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.receive.ReceiveModel.Phase;
import dev.p2pcopy.desktop.testing.Png;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screen and the accept dialog with realistic content, in both themes, at the smallest
 * window: no text may be cut short and nothing may stick out. With {@code -Dscreens.dir=DIR},
 * each case is also written there as a PNG to look at, and the screen is checked and rendered at
 * the window's first size too.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ReceiveLayoutTest {
    /** The screen area beside the navigation column at the window's minimum size. */
    private static final double[] SMALLEST = {630, 560};
    /** The same at the window's first size, 1000x700: only rendered, as it has more room. */
    private static final double[] COMMON = {850, 700};

    private static final String MISMATCH =
            "The code does not match: both sides must use exactly the same code. Nothing was transferred.";

    /** Where to write the pictures, if anywhere. */
    private static final Optional<Path> RENDER_DIR = Png.dir();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyStateFitsTheSmallestWindowInBothThemes(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            for (double[] size : RENDER_DIR.isEmpty() ? List.of(SMALLEST) : List.of(SMALLEST, COMMON)) {
                for (var state : states()) {
                    robot.interact(() -> {
                        ReceiveModel model = new ReceiveModel();
                        model.folderProperty().set(Path.of("/home/alex/Downloads"));
                        state.setUp().accept(model);
                        Scene scene = new Scene(new ReceiveView(model).root(), size[0], size[1]);
                        theme.applyTo(scene);
                        stage.setScene(scene);
                        stage.show();
                        String name = "receive-" + state.name() + "-"
                                + theme.name().toLowerCase(Locale.ROOT) + "-" + (int) size[0];
                        problems.addAll(check(scene, name));
                        render(scene, name);
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theAcceptDialogFitsInBothThemes(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            boolean tight = theme == Theme.DARK; // one roomy and one tight disk, one in each theme
            List<Dialog<Boolean>> shown = new ArrayList<>();
            robot.interact(() -> {
                OptionalLong free = OptionalLong.of(tight ? 300L << 20 : 118L << 30);
                Dialog<Boolean> dialog = AcceptDialog.create(bigOffer(), Path.of("/home/alex/Downloads"), free, theme);
                dialog.show();
                shown.add(dialog);
            });
            WaitForAsyncUtils.waitForFxEvents(); // the window takes its size from the styled content
            robot.interact(() -> {
                Dialog<Boolean> dialog = shown.get(0);
                Scene scene = dialog.getDialogPane().getScene();
                String name = "accept-" + (tight ? "tight-" : "") + theme.name().toLowerCase(Locale.ROOT);
                problems.addAll(check(scene, name));
                assertThat(dialog.getDialogPane().lookup("#accept-space-warning") != null)
                        .isEqualTo(tight);
                assertThat(((Labeled) dialog.getDialogPane().lookup("#accept-more")).getText())
                        .isEqualTo("and 3 more");
                render(scene, name);
                dialog.close();
            });
        }
        assertThat(problems).isEmpty();
    }

    private record State(String name, Consumer<ReceiveModel> setUp) {}

    private static List<State> states() {
        return List.of(
                new State("idle", m -> m.codeProperty().set("4821-river-orbit-lamp")),
                new State("invalid", m -> {
                    m.codeProperty().set("4821 river orbit lamp!");
                    m.codeErrorProperty()
                            .set("That is not a code: a code may contain only the letters a-z, digits and dashes.");
                }),
                new State("waiting", m -> running(m, "Receiving into Downloads", "Waiting for the sender…", "")),
                new State("transferring", m -> {
                    running(
                            m,
                            "holiday-photos and 2 more (214 files, 1.2 GiB)",
                            "Receiving…",
                            "512.0 MiB of 1.2 GiB verified · 90 of 214 files · 48.2 MB/s · 15 s left");
                    m.progressVisibleProperty().set(true);
                    m.progressProperty().set(0.42);
                }),
                new State("received", m -> {
                    running(
                            m,
                            "holiday-photos and 2 more (214 files, 1.2 GiB)",
                            "Received",
                            "214 files, 1.2 GiB in 25.3 s");
                    m.progressVisibleProperty().set(true);
                    m.progressProperty().set(1);
                    m.phaseProperty().set(Phase.RECEIVED);
                    m.noticeProperty()
                            .set(
                                    "Could not open /home/alex/Downloads: no file manager was found (xdg-open is missing).");
                }),
                new State("failed", m -> {
                    running(m, "Receiving into Downloads", MISMATCH, "");
                    m.phaseProperty().set(Phase.FAILED);
                }));
    }

    private static void running(ReceiveModel m, String title, String status, String figures) {
        m.codeProperty().set("4821-river-orbit-lamp");
        m.titleProperty().set(title);
        m.statusProperty().set(status);
        m.figuresProperty().set(figures);
        m.phaseProperty().set(Phase.RUNNING);
    }

    private static Manifest bigOffer() {
        List<ManifestEntry> entries = new ArrayList<>();
        entries.add(new ManifestEntry("holiday-photos", EntryType.DIR, 0, 0, 0755));
        for (int i = 0; i < 212; i++) {
            entries.add(
                    new ManifestEntry("holiday-photos/IMG_" + (4000 + i) + ".jpg", EntryType.FILE, 5_800_000, 0, 0644));
        }
        entries.add(new ManifestEntry(
                "Quarterly report, final version (reviewed by legal and finance) 2026.pdf",
                EntryType.FILE,
                2_400_000,
                0,
                0644));
        for (int i = 1; i <= 9; i++) {
            entries.add(new ManifestEntry("notes-" + i + ".txt", EntryType.FILE, 1_000L * i, 0, 0644));
        }
        return new Manifest(entries);
    }

    /** Text cut short (an ellipsis instead of the whole text) or nodes outside the scene. */
    private static List<String> check(Scene scene, String name) {
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
        List<String> problems = new ArrayList<>();
        visit(root, node -> {
            if (!node.isVisible()) {
                return false;
            }
            if (node instanceof Labeled labeled && !labeled.getText().isEmpty()) {
                String expected =
                        labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
                for (Node child : labeled.getChildrenUnmodifiable()) {
                    if (child instanceof Text text && !text.getText().equals(expected)) {
                        problems.add(name + ": '" + expected + "' shows as '" + text.getText() + "'");
                    }
                }
            }
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
                problems.add(name + ": " + node + " sticks out to " + b.getMaxX() + "x" + b.getMaxY());
            }
            return true;
        });
        return problems;
    }

    private static void visit(Node node, java.util.function.Predicate<Node> action) {
        if (action.test(node) && node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> visit(child, action));
        }
    }

    private static void render(Scene scene, String name) {
        RENDER_DIR.ifPresent(dir -> Png.write(scene, dir.resolve(name + ".png")));
    }
}
