package dev.p2pcopy.desktop.app;

/** The app's screens, in the order of the navigation column. */
public enum Screen {
    /** Drop files, get a code. */
    SEND("_Send"),
    /** Enter a code, accept the offer. */
    RECEIVE("_Receive"),
    /** Every transfer with its progress. */
    TRANSFERS("_Transfers"),
    /** Live resource figures of both computers and the relay. */
    NODES("_Nodes"),
    /** Relay, folder, theme and transfer options. */
    SETTINGS("Se_ttings");

    private final String label;

    Screen(String label) {
        this.label = label;
    }

    /** The navigation label, with its mnemonic marked by an underscore. */
    public String label() {
        return label;
    }
}
