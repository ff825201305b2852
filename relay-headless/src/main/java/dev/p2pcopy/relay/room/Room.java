package dev.p2pcopy.relay.room;

import dev.p2pcopy.relay.RelayContract;
import dev.p2pcopy.relay.telemetry.RelayEvents;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room: at most one sender and one receiver, the timer of whoever waits alone, and what the audit log needs
 * to know about it (when it opened, the bytes each way, why its last peer left).
 *
 * <p>Every method runs under the owning {@link RoomRegistry}'s lock.
 */
final class Room {

    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private final String id;
    private final RoomRegistry registry;
    private final RelayEvents events;
    private final long openedNanos = System.nanoTime();
    private Peer sender;
    private Peer receiver;
    private ScheduledFuture<?> timer;
    /** Identifies the current timer, so that a timer that fires just after it was cancelled does nothing. */
    private Object timerToken;
    /** When the peer now alone in the room started waiting. */
    private long waitingSinceNanos = openedNanos;

    private boolean everPaired;
    /** Pairings so far; numbers the next paired notice. */
    private long pairings;
    /** Bytes forwarded by peers that have left, per direction; present peers hold their own counts. */
    private long sentBytesOfLeftPeers;

    private long receivedBytesOfLeftPeers;
    /** Why the peer that left last went, as an audit reason key. */
    private String lastLeaveReason;

    Room(String id, RoomRegistry registry) {
        this.id = id;
        this.registry = registry;
        this.events = registry.events();
    }

    String id() {
        return id;
    }

    boolean isEmpty() {
        return sender == null && receiver == null;
    }

    boolean isPaired() {
        return sender != null && receiver != null;
    }

    /**
     * Adds a peer and tells it, and its partner if present, where the room stands.
     *
     * @return false if the peer's role is already taken; the room is unchanged then
     */
    boolean join(Peer peer) {
        if (slot(peer.role()) != null) {
            return false;
        }
        setSlot(peer.role(), peer);
        peer.room = this;
        Peer other = slot(peer.role().other());
        if (other == null) {
            LOG.debug("room {}: {} waits", id, peer);
            peer.notice(RelayContract.NOTICE_WAITING);
            waitingSinceNanos = System.nanoTime();
            Duration wait = registry.waitTimeout();
            startTimer(peer, wait, "no peer joined within " + DurationText.of(wait), "wait-timeout");
        } else {
            LOG.debug("room {}: {} paired with {}", id, peer, other);
            cancelTimer();
            everPaired = true;
            pairings++;
            peer.partner(other);
            other.partner(peer);
            // A peer paused for a partner that has since left (the resume can run before the pause, on the other
            // event loop) would otherwise never be read again.
            other.resumeReading();
            peer.resumeReading();
            String paired = RelayContract.pairedNotice(pairings);
            other.notice(paired);
            peer.notice(paired);
            events.paired(id, peer.client(), Duration.ofNanos(System.nanoTime() - waitingSinceNanos));
        }
        return true;
    }

    /**
     * Removes a peer that disconnected; a partner left behind is told and waits for the grace period.
     *
     * @param tellPartner false while the relay shuts down, when the partner is being closed anyway
     */
    void leave(Peer peer, boolean tellPartner) {
        if (slot(peer.role()) != peer) {
            return;
        }
        String reason = peer.closeReason() != null ? peer.closeReason() : "left";
        remove(peer, reason);
        Peer other = slot(peer.role().other());
        if (other == null) {
            cancelTimer();
            return;
        }
        LOG.debug("room {}: {} left, {} waits for it", id, peer, other);
        other.partner(null);
        other.resumeReading();
        if (tellPartner) {
            events.peerDropped(id, peer.client(), peer.role().wireName(), reason);
            other.notice(RelayContract.NOTICE_PEER_LEFT);
            waitingSinceNanos = System.nanoTime();
            Duration grace = registry.gracePeriod();
            startTimer(
                    other, grace, "the other side did not come back within " + DurationText.of(grace), "grace-timeout");
        }
    }

    /**
     * Removes a peer whose timer fired, unless the timer was cancelled meanwhile.
     *
     * @return true if the peer was removed and must now be closed
     */
    boolean expire(Peer peer, Object token, String reasonKey) {
        if (timerToken != token || slot(peer.role()) != peer) {
            return false;
        }
        LOG.debug("room {}: {} timed out", id, peer);
        cancelTimer();
        remove(peer, reasonKey);
        return true;
    }

    void cancelTimer() {
        timerToken = null;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /**
     * Reports the room as closed.
     *
     * @param reason the reason key, or null to derive it from how the last peer left
     */
    void reportClosed(String reason) {
        events.roomClosed(
                id,
                bytesFrom(Role.SEND),
                bytesFrom(Role.RECEIVE),
                Duration.ofNanos(System.nanoTime() - openedNanos),
                reason != null ? reason : closeReason());
    }

    /** A room whose last peer left of its own accord is {@code done} if it was ever paired, else abandoned. */
    private String closeReason() {
        if (!lastLeaveReason.equals("left")) {
            return lastLeaveReason;
        }
        return everPaired ? "done" : "abandoned";
    }

    private long bytesFrom(Role role) {
        Peer present = slot(role);
        long left = role == Role.SEND ? sentBytesOfLeftPeers : receivedBytesOfLeftPeers;
        return left + (present == null ? 0 : present.bytesForwarded());
    }

    private void startTimer(Peer peer, Duration delay, String reason, String reasonKey) {
        cancelTimer();
        Object token = new Object();
        timerToken = token;
        timer = peer.channel()
                .eventLoop()
                .schedule(
                        () -> registry.expire(this, peer, token, reason, reasonKey),
                        delay.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private void remove(Peer peer, String reason) {
        if (peer.role() == Role.SEND) {
            sentBytesOfLeftPeers += peer.bytesForwarded();
        } else {
            receivedBytesOfLeftPeers += peer.bytesForwarded();
        }
        lastLeaveReason = reason;
        setSlot(peer.role(), null);
        peer.room = null;
        peer.partner(null);
    }

    private Peer slot(Role role) {
        return role == Role.SEND ? sender : receiver;
    }

    private void setSlot(Role role, Peer peer) {
        if (role == Role.SEND) {
            sender = peer;
        } else {
            receiver = peer;
        }
    }
}
