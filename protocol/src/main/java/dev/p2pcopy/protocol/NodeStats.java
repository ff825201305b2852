package dev.p2pcopy.protocol;

/**
 * Resource figures of one computer during a transfer, as the desktop app's node view shows
 * them. Each side samples its own (see {@link NodeStatsSource}) and sends them to the peer in
 * STATS messages about every two seconds; the peer's arrive at {@link
 * TransferListener#onPeerStats}. A figure that is not known is negative.
 *
 * @param cpuLoad whole-system CPU load in [0, 1]
 * @param memoryUsedBytes memory in use
 * @param memoryTotalBytes physical memory
 * @param diskFreeBytes free space where the files are read from (sender) or written to (receiver)
 * @param netReceiveBytesPerSecond network receive rate of all interfaces
 * @param netSendBytesPerSecond network send rate of all interfaces
 * @param transferBytesPerSecond this transfer's verified rate as the sampling side sees it
 */
public record NodeStats(
        double cpuLoad,
        long memoryUsedBytes,
        long memoryTotalBytes,
        long diskFreeBytes,
        double netReceiveBytesPerSecond,
        double netSendBytesPerSecond,
        double transferBytesPerSecond) {

    /** Figures of a computer that knows nothing about itself. */
    public static final NodeStats UNKNOWN = new NodeStats(-1, -1, -1, -1, -1, -1, -1);

    /** The same figures with this transfer's rate. */
    public NodeStats withTransferRate(double bytesPerSecond) {
        return new NodeStats(
                cpuLoad,
                memoryUsedBytes,
                memoryTotalBytes,
                diskFreeBytes,
                netReceiveBytesPerSecond,
                netSendBytesPerSecond,
                bytesPerSecond);
    }
}
