package dev.p2pcopy.desktop.system;

/** Tells the user that something finished while they may be looking elsewhere. */
public interface Notifier {

    /** Tells nobody: for tests. */
    Notifier NONE = (title, text, failure) -> {};

    /**
     * Shows a short notification. Call on the FX thread.
     *
     * @param title e.g. "Transfer complete"
     * @param text one sentence
     * @param failure whether it reports a failure (shown as an error)
     */
    void show(String title, String text, boolean failure);
}
