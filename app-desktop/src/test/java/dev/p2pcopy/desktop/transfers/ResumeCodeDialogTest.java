package dev.p2pcopy.desktop.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.theme.Theme;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class ResumeCodeDialogTest {
    @Test
    void aMistypedCodeIsExplainedAndCannotBeConfirmedAValidOneComesBackNormalised(FxRobot robot) {
        TextInputDialog[] dialog = new TextInputDialog[1];
        robot.interact(() -> dialog[0] = ResumeCodeDialog.create(null, "4821-river-orbit-lamp", Theme.LIGHT));
        Label error = (Label) dialog[0].getDialogPane().lookup("#resume-code-error");
        var ok = dialog[0].getDialogPane().lookupButton(ButtonType.OK);
        assertThat(ok.isDisabled()).as("the old code is a code").isFalse();
        assertThat(error.isVisible()).isFalse();

        robot.interact(() -> dialog[0].getEditor().setText("12!34"));
        assertThat(ok.isDisabled()).isTrue();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("That is not a code:");

        robot.interact(() -> dialog[0].getEditor().setText(""));
        assertThat(ok.isDisabled()).isTrue();
        assertThat(error.getText()).isEqualTo("Enter the code that the sender sees.");

        robot.interact(() -> dialog[0].getEditor().setText("  7-Orbit-RIVER lamp "));
        assertThat(ok.isDisabled()).isFalse();
        assertThat(error.isVisible()).isFalse();
        assertThat(dialog[0].getResultConverter().call(ButtonType.OK)).isEqualTo("7-orbit-river-lamp");
        assertThat(dialog[0].getResultConverter().call(ButtonType.CANCEL)).isNull();
    }
}
