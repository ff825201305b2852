package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.protocol.NodeStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Reads this computer's figures with OSHI. CPU load and network rates are differences between
 * two readings, so each call reports what happened since the previous one; the first call knows
 * neither and reports them as unknown. Not thread-safe: one sampling thread owns it.
 *
 * <p>Network rates count every interface, loopback included: a transfer through a relay on this
 * computer (the embedded default) then shows up, as the user expects. On such a transfer each byte
 * is counted once received and once sent on loopback, which is also what the system's own monitors
 * show.
 */
final class SystemSampler {
    private static final double NANOS_PER_SECOND = 1e9;

    private final Supplier<Path> diskFolder;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final HardwareAbstractionLayer hardware;
    private long[] previousTicks;
    private Map<String, long[]> previousCounters;
    private long previousNanos;

    /**
     * Sets OSHI up, which reads the processor's description and may take a few hundred
     * milliseconds: call it off the FX thread.
     *
     * @param diskFolder the folder whose disk's free space is reported; read at every sample
     */
    SystemSampler(Supplier<Path> diskFolder) {
        this.diskFolder = diskFolder;
        this.hardware = new SystemInfo().getHardware();
        this.processor = hardware.getProcessor();
        this.memory = hardware.getMemory();
    }

    /** The figures now; CPU and network rates cover the time since the previous call. */
    NodeStats next() {
        long now = System.nanoTime();
        long[] ticks = processor.getSystemCpuLoadTicks();
        Map<String, long[]> counters = networkCounters();
        double cpu = previousTicks == null ? -1 : clamp(processor.getSystemCpuLoadBetweenTicks(previousTicks));
        double seconds = (now - previousNanos) / NANOS_PER_SECOND;
        double[] rates = previousCounters == null || seconds <= 0
                ? new double[] {-1, -1}
                : rates(previousCounters, counters, seconds);
        previousTicks = ticks;
        previousCounters = counters;
        previousNanos = now;
        long total = memory.getTotal();
        long used = total > 0 ? total - memory.getAvailable() : -1;
        return new NodeStats(cpu, used, total > 0 ? total : -1, freeSpace(diskFolder.get()), rates[0], rates[1], -1);
    }

    /**
     * Usable bytes on the disk holding {@code folder}, or of its nearest existing ancestor when it
     * does not exist yet (a download folder that is created on the first transfer); -1 if unknown.
     */
    static long freeSpace(Path folder) {
        for (Path p = folder == null ? null : folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException | SecurityException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Bytes received and sent per interface, by name, so that interfaces coming and going do not skew the sum. */
    private Map<String, long[]> networkCounters() {
        Map<String, long[]> counters = new HashMap<>();
        for (NetworkIF nif : hardware.getNetworkIFs(true)) {
            counters.put(nif.getName(), new long[] {nif.getBytesRecv(), nif.getBytesSent()});
        }
        return counters;
    }

    /** Receive and send rates over the interfaces present both times; a counter that went back (a reset) adds nothing. */
    static double[] rates(Map<String, long[]> before, Map<String, long[]> after, double seconds) {
        long received = 0;
        long sent = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] old = before.get(e.getKey());
            if (old != null) {
                received += Math.max(0, e.getValue()[0] - old[0]);
                sent += Math.max(0, e.getValue()[1] - old[1]);
            }
        }
        return new double[] {received / seconds, sent / seconds};
    }

    /** OSHI answers NaN or a tiny negative when the ticks did not move. */
    private static double clamp(double load) {
        if (Double.isNaN(load)) {
            return -1;
        }
        return Math.max(0, Math.min(1, load));
    }
}
