package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.message.ErrorMessage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** The failures the engine reports, each as one sentence a person can act on. */
final class Failures {
    private static final int MAX_PEER_MESSAGE_CHARS = 300;

    private Failures() {}

    /** A local file could not be used; {@code action} is e.g. "read" or "write". */
    static TransferException localIo(String action, Object path, IOException e) {
        String message;
        if (isDiskFull(e)) {
            message = "The disk is full: cannot " + action + " " + path
                    + ". What arrived so far is kept; free some space and run the same command again to resume.";
        } else if (e instanceof NoSuchFileException n) {
            message = (n.getFile() == null ? path : n.getFile()) + " does not exist.";
        } else if (e instanceof AccessDeniedException a) {
            message = "Permission denied: cannot " + action + " " + (a.getFile() == null ? path : a.getFile()) + ".";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            message = "Cannot " + action + " " + (f.getFile() == null ? path : f.getFile()) + ": "
                    + f.getReason().toLowerCase(Locale.ROOT) + ".";
        } else {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            message = "Cannot " + action + " " + path + ": " + why + ".";
        }
        return new TransferException(FailureReason.LOCAL_IO, message, e);
    }

    /** Whether {@code e} is the operating system's "no space left on device" (ENOSPC) or a quota's. */
    static boolean isDiskFull(IOException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof FileSystemException f && f.getReason() != null) {
            text += " " + f.getReason().toLowerCase(Locale.ROOT);
        }
        return text.contains("no space left on device") || text.contains("disk quota exceeded");
    }

    /** The peer broke the protocol. */
    static TransferException protocol(String message) {
        return new TransferException(FailureReason.PROTOCOL, message);
    }

    /** The peer broke the protocol, found by a decoder. */
    static TransferException protocol(Exception e) {
        return new TransferException(FailureReason.PROTOCOL, e.getMessage(), e);
    }

    /** The engine's thread was interrupted by its host. */
    static TransferException interrupted() {
        return new TransferException(FailureReason.CANCELLED, "The transfer was interrupted.");
    }

    /** The PAKE's key confirmation failed. */
    static TransferException wrongCode() {
        return new TransferException(
                FailureReason.WRONG_CODE,
                "The code does not match: both sides must use exactly the same code. Nothing was transferred.");
    }

    /** What the peer's ERROR means on this side. */
    static TransferException fromPeer(ErrorMessage error) {
        String message = peerText(error.message());
        return switch (error.reason()) {
            case "INTEGRITY" -> new TransferException(FailureReason.INTEGRITY, message);
            case "PROTOCOL" -> new TransferException(FailureReason.PROTOCOL, message);
            case "PEER_DECLINED" -> new TransferException(FailureReason.PEER_DECLINED, message);
            case "WRONG_CODE" -> wrongCode();
            case "CANCELLED" ->
                new TransferException(FailureReason.PEER_FAILED, "The other side cancelled the transfer.");
            default -> new TransferException(FailureReason.PEER_FAILED, message);
        };
    }

    /** The peer's text made safe to show: one line, bounded. */
    static String peerText(String text) {
        String s = (text == null ? "" : text).replaceAll("\\p{Cntrl}+", " ").strip();
        if (s.isEmpty()) {
            return "The other side reported an error.";
        }
        return s.length() > MAX_PEER_MESSAGE_CHARS ? s.substring(0, MAX_PEER_MESSAGE_CHARS) + "…" : s;
    }

    /** A byte count for people: "1.5 GB", "812 KB", "12 bytes". */
    /** "2 minutes", "30 seconds", "1.5 seconds": a duration as a sentence says it. */
    static String duration(java.time.Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis >= 60_000) {
            long m = millis / 60_000;
            return m + (m == 1 ? " minute" : " minutes");
        }
        if (millis % 1000 == 0) {
            long sec = millis / 1000;
            return sec + (sec == 1 ? " second" : " seconds");
        }
        return String.format(java.util.Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
