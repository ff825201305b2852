package dev.p2pcopy.desktop.app;

import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.desktop.transfers.TransferService;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Asks before the window closes while transfers run: closing stops them (they can be resumed
 * later, but the other side would see them fail now).
 */
final class QuitGuard {
    static final ButtonType QUIT = new ButtonType("_Quit and stop them", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType STAY = new ButtonType("_Keep running", ButtonBar.ButtonData.CANCEL_CLOSE);

    private QuitGuard() {}

    /** Installs the question on {@code stage}. */
    static void install(Stage stage, TransferService transfers, Supplier<Theme> theme) {
        stage.setOnCloseRequest(event -> {
            int running = transfers.activeCountProperty().get();
            if (running > 0 && !confirmed(stage, running, theme.get())) {
                event.consume();
            }
        });
    }

    private static boolean confirmed(Stage stage, int running, Theme theme) {
        Alert alert = question(running, theme);
        alert.initOwner(stage);
        return alert.showAndWait().orElse(STAY) == QUIT;
    }

    /** The question, for {@code running} transfers. */
    static Alert question(int running, Theme theme) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", QUIT, STAY);
        alert.setTitle("Quit p2p-copy?");
        alert.setHeaderText(running == 1 ? "A transfer is still running." : running + " transfers are still running.");
        alert.setContentText("Quitting stops them; the other side sees them fail. You can resume them later"
                + " from the Transfers screen: what arrived so far is kept.");
        alert.getDialogPane().setId("quit-dialog");
        theme.applyTo(alert.getDialogPane());
        return alert;
    }
}
