package dev.p2pcopy.desktop.settings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the Settings screen tells the user besides the settings themselves: one sentence per
 * problem, empty when there is none. Touch only on the FX thread.
 */
public final class SettingsStatus {
    private final StringProperty relayError = new SimpleStringProperty("");
    private final StringProperty certificateError = new SimpleStringProperty("");
    private final StringProperty saveError = new SimpleStringProperty("");
    private final StringProperty loadProblem = new SimpleStringProperty("");

    /** Why the typed relay address was not taken. */
    public StringProperty relayErrorProperty() {
        return relayError;
    }

    /** Why the chosen certificate file was not taken. */
    public StringProperty certificateErrorProperty() {
        return certificateError;
    }

    /** Why the last save failed. */
    public StringProperty saveErrorProperty() {
        return saveError;
    }

    /** What had to be dropped when the saved settings were read at start. */
    public StringProperty loadProblemProperty() {
        return loadProblem;
    }
}
