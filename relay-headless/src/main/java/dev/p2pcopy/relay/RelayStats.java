package dev.p2pcopy.relay;

/**
 * A snapshot of the relay's counters.
 *
 * @param connections open TCP connections that passed the connection limits (WebSocket peers and plain HTTP
 *     requests)
 * @param roomsWaiting rooms holding one peer that waits for the other side
 * @param roomsPaired rooms holding both a sender and a receiver
 * @param bytesForwarded payload bytes written to peers since the relay started
 * @param bufferedBytes payload bytes handed to a peer's connection but not yet written to its socket
 * @param peakBufferedBytes the largest {@code bufferedBytes} seen since the relay started
 */
public record RelayStats(
        int connections,
        int roomsWaiting,
        int roomsPaired,
        long bytesForwarded,
        long bufferedBytes,
        long peakBufferedBytes) {}
