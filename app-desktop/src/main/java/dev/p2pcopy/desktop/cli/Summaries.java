package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;

/** The one-line texts that describe an offer and a finished transfer. */
final class Summaries {
    /** Top-level names shown in an offer before "...". */
    private static final int NAMES_SHOWN = 3;

    private Summaries() {}

    /** "3 files (1.2 GiB): photos, notes.txt, ..." */
    static String offer(Manifest manifest) {
        List<String> names = manifest.topLevelNames();
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        String more = names.size() > NAMES_SHOWN ? ", ..." : "";
        return Units.files(manifest.fileCount()) + " (" + Units.size(manifest.totalBytes()) + "): " + shown + more;
    }

    /** "Sent 3 files (1.2 GiB) in 4.1 s, 301 MB/s" */
    static String sent(TransferResult result) {
        return "Sent " + amount(result);
    }

    /** "Received 3 files (1.2 GiB) in 4.1 s, 301 MB/s into /home/me/Downloads" */
    static String received(TransferResult result, Path outputDir) {
        return "Received " + amount(result) + " into " + outputDir;
    }

    private static String amount(TransferResult result) {
        String text = Units.files(result.fileCount()) + " (" + Units.size(result.bytes()) + ") in "
                + Units.elapsed(result.elapsed());
        long millis = result.elapsed().toMillis();
        // Below a millisecond a rate is noise, not information.
        return millis > 0 ? text + ", " + Units.rate(result.bytes() * 1000.0 / millis) : text;
    }
}
