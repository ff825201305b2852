package dev.p2pcopy.relay;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Collects the audit lines the relays in this JVM write while it is open, parsed as JSON. */
final class AuditLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level previousLevel;

    private AuditLines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(context);
        setName("test-audit-lines");
        this.logger = context.getLogger("p2p-copy.audit");
        this.previousLevel = logger.getLevel();
    }

    static AuditLines capture() {
        AuditLines lines = new AuditLines();
        lines.start();
        lines.logger.setLevel(Level.INFO);
        lines.logger.addAppender(lines);
        return lines;
    }

    @Override
    protected void append(ILoggingEvent event) {
        raw.add(event.getFormattedMessage());
    }

    /** @return the lines written so far, as they were written */
    List<String> raw() {
        return List.copyOf(raw);
    }

    /** @return the lines written so far, parsed */
    List<JsonNode> all() {
        return raw.stream().map(AuditLines::parse).toList();
    }

    /** @return the lines of one event, e.g. {@code closed} */
    List<JsonNode> events(String event) {
        return all().stream()
                .filter(line -> line.path("event").asText().equals(event))
                .toList();
    }

    /** Waits until a line of the event that matches appears, and returns it. */
    JsonNode await(String event, Predicate<JsonNode> matching) throws InterruptedException {
        JsonNode[] found = new JsonNode[1];
        try {
            Await.until("an audit line '" + event + "' appears", () -> {
                found[0] = events(event).stream().filter(matching).findFirst().orElse(null);
                return found[0] != null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the audit lines: " + raw, e);
        }
        return found[0];
    }

    JsonNode await(String event, String roomId) throws InterruptedException {
        return await(event, line -> roomId.startsWith(line.path("room").asText("-")));
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previousLevel);
        stop();
    }
}
