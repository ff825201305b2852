package dev.p2pcopy.relay.room;

import dev.p2pcopy.relay.RelayContract;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room: at most one sender and one receiver, and the timer of whoever waits alone.
 *
 * <p>Every method runs under the owning {@link RoomRegistry}'s lock.
 */
final class Room {

    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private final String id;
    private final RoomRegistry registry;
    private Peer sender;
    private Peer receiver;
    private ScheduledFuture<?> timer;
    /** Identifies the current timer, so that a timer that fires just after it was cancelled does nothing. */
    private Object timerToken;

    Room(String id, RoomRegistry registry) {
        this.id = id;
        this.registry = registry;
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
            Duration wait = registry.waitTimeout();
            startTimer(peer, wait, "no peer joined within " + DurationText.of(wait));
        } else {
            LOG.debug("room {}: {} paired with {}", id, peer, other);
            cancelTimer();
            peer.partner(other);
            other.partner(peer);
            other.notice(RelayContract.NOTICE_PAIRED);
            peer.notice(RelayContract.NOTICE_PAIRED);
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
        remove(peer);
        Peer other = slot(peer.role().other());
        if (other == null) {
            cancelTimer();
            return;
        }
        LOG.debug("room {}: {} left, {} waits for it", id, peer, other);
        other.partner(null);
        other.resumeReading();
        if (tellPartner) {
            other.notice(RelayContract.NOTICE_PEER_LEFT);
            Duration grace = registry.gracePeriod();
            startTimer(other, grace, "the other side did not come back within " + DurationText.of(grace));
        }
    }

    /**
     * Removes a peer whose timer fired, unless the timer was cancelled meanwhile.
     *
     * @return true if the peer was removed and must now be closed
     */
    boolean expire(Peer peer, Object token) {
        if (timerToken != token || slot(peer.role()) != peer) {
            return false;
        }
        LOG.debug("room {}: {} timed out", id, peer);
        cancelTimer();
        remove(peer);
        return true;
    }

    void cancelTimer() {
        timerToken = null;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void startTimer(Peer peer, Duration delay, String reason) {
        cancelTimer();
        Object token = new Object();
        timerToken = token;
        timer = peer.channel()
                .eventLoop()
                .schedule(() -> registry.expire(this, peer, token, reason), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void remove(Peer peer) {
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
