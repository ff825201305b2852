package dev.p2pcopy.protocol.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One proxied connection: a pump thread per direction, and the connection's {@link Faults}.
 *
 * <p>Every byte is reserved before it is written, under one lock, so that a fault fires after
 * exactly its offset: writes stop at the offset, and the fault fires once the bytes before it
 * are out. A stall parks both pumps before their next write; they stop reading too, so the
 * ends' buffers fill as on a path that black-holes packets, and nothing (not even a FIN or a
 * reset) crosses until the stall ends.
 */
final class Link {
    private static final int BUFFER = 16 * 1024;
    /** After a clean cut, how long both ends get to close before the proxy resets them. */
    private static final int FIN_DRAIN_MILLIS = 5000;

    private final FaultPolicy.LinkInfo info;
    private final Faults faults;
    private final Socket client;
    private final Socket server;
    private final Consumer<ChaosEvent> events;
    private final Consumer<Link> onEnd;
    private final int slice;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long[] reserved = new long[2];
    private final long[] written = new long[2];
    private final long[] paceStart = new long[2];
    private final boolean[] eof = new boolean[2];
    private Faults.Cut pendingCut;
    private Faults.Stall pendingStall;
    private boolean stalled;
    private boolean stalledForever;
    private long stallEndsNanos;
    private boolean draining;
    private boolean ended;

    Link(
            FaultPolicy.LinkInfo info,
            Faults faults,
            Socket client,
            Socket server,
            Consumer<ChaosEvent> events,
            Consumer<Link> onEnd) {
        this.info = info;
        this.faults = faults;
        this.client = client;
        this.server = server;
        this.events = events;
        this.onEnd = onEnd;
        this.pendingCut = faults.cut();
        this.pendingStall = faults.stall();
        this.slice = faults.bytesPerSecond() > 0
                ? (int) Math.max(512, Math.min(BUFFER, faults.bytesPerSecond() / 50))
                : BUFFER;
    }

    /** What the proxy knew of the connection when it planned its faults. */
    FaultPolicy.LinkInfo info() {
        return info;
    }

    /** Bytes forwarded so far: client to server, then server to client. */
    long[] forwarded() {
        lock.lock();
        try {
            return written.clone();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Pumps until the connection ends: server to client on a new thread, client to server on
     * this one, starting with {@code first}, the bytes already read from the client.
     */
    void run(byte[] first, int firstLength) {
        event(ChaosEvent.Kind.OPENED, Direction.BOTH, 0);
        Thread down = new Thread(() -> pump(Direction.DOWN, null, 0), "chaos-proxy-" + info.index() + "-down");
        down.setDaemon(true);
        down.start();
        pump(Direction.UP, first, firstLength);
    }

    /** Closes both sockets, with a reset if {@code abortive}; does nothing once ended. */
    void end(boolean abortive) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            event(ChaosEvent.Kind.CLOSED, Direction.BOTH, written[0] + written[1]);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        close(client, abortive);
        close(server, abortive);
        onEnd.accept(this);
    }

    private void pump(Direction flow, byte[] first, int firstLength) {
        try {
            InputStream in = (flow == Direction.UP ? client : server).getInputStream();
            OutputStream out = (flow == Direction.UP ? server : client).getOutputStream();
            if (first != null) {
                forward(flow, out, first, firstLength);
            }
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                forward(flow, out, buffer, n);
            }
            passEof(flow);
        } catch (IOException | InterruptedException e) {
            // A broken or timed-out end: break the other one too, but never across a stall.
            awaitUnstalled();
            end(true);
        }
    }

    private void forward(Direction flow, OutputStream out, byte[] buffer, int length)
            throws IOException, InterruptedException {
        for (int off = 0; off < length; ) {
            pace(flow);
            int n = reserve(flow, Math.min(slice, length - off));
            if (n < 0) {
                return; // draining after a clean cut: the bytes go nowhere
            }
            out.write(buffer, off, n);
            wrote(flow, n);
            off += n;
        }
    }

    /**
     * Waits until {@code flow} may write, then reserves up to {@code want} bytes, stopping at the
     * next fault's offset; -1 when draining.
     */
    private int reserve(Direction flow, int want) throws IOException, InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (ended) {
                    throw new IOException("link ended");
                }
                if (draining) {
                    return -1;
                }
                if (stalled) {
                    waitOutStall();
                    continue;
                }
                long limit = Math.min(want, Math.min(roomBefore(pendingCut, flow), roomBefore(pendingStall, flow)));
                if (limit <= 0) {
                    // At a fault's offset: it fires once the bytes before it are out; wait for them.
                    if (!fireDue()) {
                        changed.await();
                    }
                    continue;
                }
                reserved[flow.ordinal()] += limit;
                return (int) limit;
            }
        } finally {
            lock.unlock();
        }
    }

    private void wrote(Direction flow, int n) {
        lock.lock();
        try {
            written[flow.ordinal()] += n;
            fireDue();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Caps {@code flow} at the configured rate: waits until the bytes written so far are due. */
    private void pace(Direction flow) throws IOException, InterruptedException {
        long rate = faults.bytesPerSecond();
        if (rate == 0) {
            return;
        }
        int i = flow.ordinal();
        lock.lock();
        try {
            if (paceStart[i] == 0) {
                paceStart[i] = System.nanoTime();
            }
            long due = paceStart[i] + TimeUnit.SECONDS.toNanos(written[i]) / rate;
            for (long left; !ended && (left = due - System.nanoTime()) > 0; ) {
                changed.awaitNanos(left);
            }
            if (ended) {
                throw new IOException("link ended");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Fires the faults whose offset has been written; true if one fired. Holds the lock. */
    private boolean fireDue() {
        boolean fired = false;
        if (pendingStall != null && count(written, pendingStall.direction()) >= pendingStall.atByte()) {
            Faults.Stall s = pendingStall;
            pendingStall = null;
            stalled = true;
            stalledForever = s.forever();
            stallEndsNanos = s.forever() ? 0 : System.nanoTime() + s.duration().toNanos();
            event(ChaosEvent.Kind.STALLED, s.direction(), s.atByte());
            fired = true;
        } else if (pendingCut != null && count(written, pendingCut.direction()) >= pendingCut.atByte()) {
            Faults.Cut c = pendingCut;
            pendingCut = null;
            event(c.abortive() ? ChaosEvent.Kind.CUT : ChaosEvent.Kind.FIN, c.direction(), c.atByte());
            if (c.abortive()) {
                end(true); // the lock is reentrant
            } else {
                startDraining();
            }
            fired = true;
        }
        if (fired) {
            changed.signalAll();
        }
        return fired;
    }

    /** A clean cut: FIN to both ends, then read and drop until both have closed, or reset them after a while. */
    private void startDraining() {
        draining = true;
        for (Socket s : new Socket[] {client, server}) {
            try {
                s.shutdownOutput();
                s.setSoTimeout(FIN_DRAIN_MILLIS);
            } catch (IOException e) {
                // that end is gone already; its pump notices
            }
        }
    }

    /** The end that {@code flow} reads from closed: pass the FIN on, and end once both have. */
    private void passEof(Direction flow) {
        awaitUnstalled();
        boolean both;
        lock.lock();
        try {
            eof[flow.ordinal()] = true;
            both = eof[0] && eof[1];
            if (!draining && !ended && !both) {
                try {
                    (flow == Direction.UP ? server : client).shutdownOutput();
                } catch (IOException e) {
                    both = true; // the other end is gone too
                }
            }
        } finally {
            lock.unlock();
        }
        if (both) {
            end(false);
        }
    }

    /** Blocks while stalled, so that nothing, not even a close, crosses a stall. */
    private void awaitUnstalled() {
        lock.lock();
        try {
            while (stalled && !ended) {
                waitOutStall();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the stall to end or to change; ends it when its time is up. Holds the lock. */
    private void waitOutStall() throws InterruptedException {
        long left = stalledForever ? Long.MAX_VALUE : stallEndsNanos - System.nanoTime();
        if (left > 0) {
            changed.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
        } else {
            stalled = false;
            event(ChaosEvent.Kind.RESUMED, Direction.BOTH, written[0] + written[1]);
            changed.signalAll();
        }
    }

    /** Bytes {@code flow} may still reserve before {@code fault}'s offset; MAX_VALUE if it does not count them. */
    private long roomBefore(Faults.Trigger fault, Direction flow) {
        if (fault == null || !fault.direction().counts(flow)) {
            return Long.MAX_VALUE;
        }
        return fault.atByte() - count(reserved, fault.direction());
    }

    private static long count(long[] perFlow, Direction direction) {
        return switch (direction) {
            case UP -> perFlow[0];
            case DOWN -> perFlow[1];
            case BOTH -> perFlow[0] + perFlow[1];
        };
    }

    /** Records an event with the byte counts as they stand. Holds the lock, or runs before the pumps start. */
    private void event(ChaosEvent.Kind kind, Direction direction, long bytes) {
        events.accept(new ChaosEvent(
                System.nanoTime(),
                kind,
                info.index(),
                info.room(),
                info.role(),
                direction,
                bytes,
                written[0],
                written[1]));
    }

    private static void close(Socket socket, boolean abortive) {
        try {
            if (abortive && !socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already broken
        }
    }
}
