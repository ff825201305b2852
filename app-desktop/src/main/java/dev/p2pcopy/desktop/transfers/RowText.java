package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.format.TransferTexts;
import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;

/** The words of a transfer row: its state and figures (in the shared wording) and the file in flight. */
final class RowText {
    private RowText() {}

    /** The state in words: the shared wording of {@link TransferTexts#state}. */
    static String state(Direction direction, TransferState state, TransferProgress progress) {
        return TransferTexts.state(direction, state, progress);
    }

    /** The figures line: the shared wording of {@link TransferTexts#figures}. */
    static String figures(TransferState state, TransferProgress p, TransferResult result) {
        return TransferTexts.figures(state, p, result);
    }

    /** "photos/a.jpg · 12 MiB of 40 MiB", or empty between files. */
    static String currentFile(TransferProgress p) {
        if (p.currentFile().isEmpty()) {
            return "";
        }
        return p.currentFile() + " · " + Units.size(p.currentFileBytes()) + " of " + Units.size(p.currentFileSize());
    }

    /** The overall progress bar's value. */
    static double fraction(TransferState state, TransferProgress p) {
        if (state == TransferState.DONE) {
            return 1;
        }
        return p.totalBytes() > 0 ? p.fraction() : 0;
    }
}
