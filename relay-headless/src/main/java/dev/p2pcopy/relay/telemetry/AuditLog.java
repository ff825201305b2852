package dev.p2pcopy.relay.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;

/**
 * Turns room events into audit lines, one JSON object per line, on the {@value #LOGGER_NAME} logger at INFO.
 *
 * <p>A line carries the time (ISO-8601, UTC, milliseconds), the event, the first {@value #ROOM_PREFIX} characters of
 * the room id, the client address, the role, bytes each way, durations and a reason key: never the full room id
 * (which is derived from the code), codes, keys or payload.
 */
final class AuditLog implements RelayEvents {

    /** The logger audit lines go to; the relay's {@code logback.xml} sends it to standard output. */
    static final String LOGGER_NAME = "p2p-copy.audit";

    /** How many characters of the room id an audit line shows: enough to tell rooms apart, too few to join one. */
    static final int ROOM_PREFIX = 12;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Logger logger;
    private final Clock clock;

    /**
     * @param logger where the lines go
     * @param clock the time stamped on each line
     */
    AuditLog(Logger logger, Clock clock) {
        this.logger = logger;
        this.clock = clock;
    }

    @Override
    public void refused(String client, String reason, String roomId) {
        if (logger.isInfoEnabled()) {
            write(line("refused", roomId).text("client", client).text("reason", reason));
        }
    }

    @Override
    public void roomOpened(String roomId, String client, String role) {
        if (logger.isInfoEnabled()) {
            write(line("opened", roomId).text("client", client).text("role", role));
        }
    }

    @Override
    public void paired(String roomId, String client, Duration waited) {
        if (logger.isInfoEnabled()) {
            write(line("paired", roomId).text("client", client).number("waitedMs", waited.toMillis()));
        }
    }

    @Override
    public void peerDropped(String roomId, String client, String role, String reason) {
        if (logger.isInfoEnabled()) {
            write(line("peer-dropped", roomId)
                    .text("client", client)
                    .text("role", role)
                    .text("reason", reason));
        }
    }

    @Override
    public void roomClosed(
            String roomId, long bytesSendToReceive, long bytesReceiveToSend, Duration lifetime, String reason) {
        if (logger.isInfoEnabled()) {
            write(line("closed", roomId)
                    .number("bytesSendToReceive", bytesSendToReceive)
                    .number("bytesReceiveToSend", bytesReceiveToSend)
                    .number("durationMs", lifetime.toMillis())
                    .text("reason", reason));
        }
    }

    /**
     * Shortens a room id for the log.
     *
     * @param roomId a full room id, or null
     * @return its first {@value #ROOM_PREFIX} characters, or null
     */
    static String shortRoom(String roomId) {
        return roomId == null || roomId.length() <= ROOM_PREFIX ? roomId : roomId.substring(0, ROOM_PREFIX);
    }

    private JsonLine line(String event, String roomId) {
        return new JsonLine()
                .text("time", TIME.format(clock.instant()))
                .text("event", event)
                .text("room", shortRoom(roomId));
    }

    private void write(JsonLine line) {
        logger.info(line.toString());
    }
}
