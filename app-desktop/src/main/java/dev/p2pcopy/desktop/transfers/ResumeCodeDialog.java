package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.receive.CodeCheck;
import dev.p2pcopy.desktop.theme.Theme;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the code to resume a receive with: prefilled with the old one, which still works while
 * the sender waits; a sender that has given up must send again and tell the new code.
 */
final class ResumeCodeDialog {
    private static final double WIDTH = 460;

    private ResumeCodeDialog() {}

    /**
     * Builds the dialog, not yet shown; its result is the code, normalised. OK stays disabled while
     * the text is not a code, with the reason under the field. Call on the FX thread.
     *
     * @param owner the window it belongs to, or null
     */
    static TextInputDialog create(Window owner, String oldCode, Theme theme) {
        TextInputDialog dialog = new TextInputDialog(oldCode);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Resume receiving");
        dialog.setHeaderText(null);
        dialog.setGraphic(null);
        Label hint = new Label("The same code works while the sender is still waiting; otherwise ask the"
                + " sender to send again and enter the new code.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        dialog.getEditor().setId("resume-code");
        dialog.getEditor().getStyleClass().add("code-field");
        dialog.getEditor().setPromptText("e.g. 4821-river-orbit-lamp");
        // The same check as the Receive screen: a mistyped code is caught here, not by the relay.
        ObjectBinding<CodeCheck.Outcome> check = Bindings.createObjectBinding(
                () -> CodeCheck.of(dialog.getEditor().getText()),
                dialog.getEditor().textProperty());
        Label problem = new Label();
        problem.setId("resume-code-error");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> check.get().problem() == null ? "" : check.get().problem(), check));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(Bindings.createBooleanBinding(() -> check.get().code() == null, check));
        dialog.setResultConverter(
                button -> button == ButtonType.OK && check.get().code() != null
                        ? check.get().code().value()
                        : null);
        VBox content = new VBox(10, hint, dialog.getEditor(), problem);
        content.getStyleClass().add("resume-code-content");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("resume-code-dialog");
        dialog.getDialogPane().setPrefWidth(WIDTH);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("resume-code-ok");
        theme.applyTo(dialog.getDialogPane());
        return dialog;
    }

    /** Shows the dialog and waits: the code entered (normalised), or empty if the user cancelled. */
    static Optional<String> ask(Window owner, String oldCode, Theme theme) {
        return create(owner, oldCode, theme).showAndWait();
    }
}
