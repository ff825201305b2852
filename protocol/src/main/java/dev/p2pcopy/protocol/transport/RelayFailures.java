package dev.p2pcopy.protocol.transport;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import io.netty.channel.ConnectTimeoutException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns what Netty reports about a relay connection into one sentence for a person. */
final class RelayFailures {
    private static final int MAX_REASON_CHARS = 200;

    private RelayFailures() {}

    /** The connection could not be opened, or it broke. */
    static TransferException forFailure(URI relay, Throwable t, boolean opened) {
        if (opened) {
            return new TransferException(FailureReason.RELAY_UNREACHABLE, "The connection to the relay was lost.", t);
        }
        String why;
        if (t instanceof ConnectTimeoutException || t instanceof InterruptedIOException) {
            why = "the connection timed out";
        } else if (t instanceof ConnectException) {
            why = "connection refused";
        } else if (t instanceof UnknownHostException) {
            why = "unknown host";
        } else if (t instanceof SSLException) {
            why = "the secure connection could not be set up";
        } else {
            why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        return new TransferException(
                FailureReason.RELAY_UNREACHABLE, "Cannot reach the relay at " + relay + ": " + clause(why) + ".", t);
    }

    /** The relay closed the connection with {@code code}. */
    static TransferException forClose(int code, String reason) {
        String why = clause(reason);
        switch (code) {
            case RelayEndpoint.CLOSE_ROLE_TAKEN:
                return new TransferException(
                        FailureReason.CODE_IN_USE,
                        "This code is already in use on the relay" + (why.isEmpty() ? "." : ": " + why + "."));
            case RelayEndpoint.CLOSE_TIMEOUT:
                return new TransferException(
                        FailureReason.TIMEOUT, why.isEmpty() ? "The relay timed out." : sentence(why));
            case RelayEndpoint.CLOSE_FULL:
                return new TransferException(
                        FailureReason.RELAY_UNREACHABLE, "The relay is full; try again later or use another relay.");
            case RelayEndpoint.CLOSE_GOING_AWAY:
                return new TransferException(FailureReason.RELAY_UNREACHABLE, "The relay is shutting down.");
            case RelayEndpoint.CLOSE_TOO_BIG:
                return new TransferException(
                        FailureReason.PROTOCOL, "The relay refused a frame that was larger than it allows.");
            default:
                return new TransferException(
                        FailureReason.RELAY_UNREACHABLE,
                        "The relay closed the connection (code " + code + (why.isEmpty() ? "" : ": " + why) + ").");
        }
    }

    /** The relay answered the upgrade with HTTP {@code status} and {@code body}. */
    static TransferException forRefusedUpgrade(URI relay, int status, String body) {
        String why = clause(body);
        if (status == 400) {
            return new TransferException(
                    FailureReason.PROTOCOL, "The relay refused the request" + (why.isEmpty() ? "." : ": " + why + "."));
        }
        if (status == 429 || status == 503) {
            // A limit of the relay's: its own sentence says which one and when to retry.
            return new TransferException(
                    FailureReason.RELAY_UNREACHABLE,
                    "The relay is busy" + (why.isEmpty() ? "; try again later." : ": " + why + "."));
        }
        return new TransferException(
                FailureReason.RELAY_UNREACHABLE,
                "The server at " + relay + " answered HTTP " + status + "; is it a p2p-copy relay?");
    }

    /** A relay-supplied text made safe to show: one line, bounded, without a final period. */
    private static String clause(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("\\p{Cntrl}+", " ").strip();
        if (s.length() > MAX_REASON_CHARS) {
            s = s.substring(0, MAX_REASON_CHARS).strip() + "…";
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String sentence(String clause) {
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1) + ".";
    }
}
