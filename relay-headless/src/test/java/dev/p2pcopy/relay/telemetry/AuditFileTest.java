package dev.p2pcopy.relay.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.util.FileSize;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Timeout(30)
class AuditFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:30.5Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesJsonLinesAndRollsTheFileOverBySize() throws Exception {
        Path file = dir.resolve("logs").resolve("audit.log");
        // About 3 KB of lines: one roll-over. Logback compresses on its own thread, and with a 2 KB limit several
        // roll-overs in one millisecond can overtake each other's compression, which a 100 MB limit never does.
        int events = 20;
        try (AuditFile ignored = AuditFile.open(file, FileSize.valueOf("2KB"))) {
            AuditLog audit = auditLog();
            for (int i = 0; i < events; i++) {
                audit.roomClosed("ab".repeat(32), i, 2L * i, Duration.ofMillis(i), "done");
            }
        }

        // Logback gzips rolled files on its own threads; wait until every line can be read back.
        List<JsonNode> lines = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            lines = readAll(file);
            if (lines.size() >= events || System.nanoTime() > deadline) {
                break;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(20).toNanos());
        }
        List<Path> rolled = rolledFiles(file);
        assertThat(file).exists();
        assertThat(rolled).as("gzipped files rolled over by size").isNotEmpty();
        assertThat(rolled)
                .allSatisfy(path -> assertThat(path.getFileName().toString())
                        .matches("audit\\.log\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.gz"));
        assertThat(lines).hasSize(events);
        assertThat(lines)
                .extracting(line -> line.get("bytesSendToReceive").asLong())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.iterate(0L, i -> i + 1).limit(events).toList());
        assertThat(lines.get(0).get("time").asText()).isEqualTo("2026-11-23T10:15:30.500Z");
        assertThat(lines.get(0).get("room").asText()).isEqualTo("abababababab");
    }

    @Test
    void takesTheAuditLoggerOverWhileOpenAndGivesItBack() throws Exception {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(AuditLog.LOGGER_NAME);
        Level levelBefore = logger.getLevel();
        Collector collector = new Collector();
        logger.addAppender(collector);
        try {
            Path file = dir.resolve("audit.log");
            try (AuditFile ignored = AuditFile.open(file)) {
                auditLog().refused("192.0.2.1", "join-rate", null);
                assertThat(logger.isAdditive()).isFalse();
            }
            assertThat(collector.lines)
                    .as("the file replaced the other appenders")
                    .isEmpty();
            assertThat(Files.readAllLines(file)).hasSize(1);
            assertThat(JSON.readTree(Files.readAllLines(file).get(0)).has("room"))
                    .isFalse();
            assertThat(logger.getLevel()).isEqualTo(levelBefore);

            logger.setLevel(Level.INFO);
            auditLog().refused("192.0.2.1", "join-rate", null);
            assertThat(collector.lines)
                    .as("closing gave the old appenders back")
                    .hasSize(1);
            assertThat(Files.readAllLines(file)).hasSize(1);
        } finally {
            logger.detachAppender(collector);
            logger.setLevel(levelBefore);
            collector.stop();
        }
    }

    @Test
    void doesNotGiveBackAnAppenderThatStoppedMeanwhile() throws Exception {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(AuditLog.LOGGER_NAME);
        AuditFile first = AuditFile.open(dir.resolve("first.log"));
        AuditFile second = AuditFile.open(dir.resolve("second.log"));
        first.close();
        second.close();
        assertThat(logger.iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void refusesAFileItCannotWriteInOneSentence() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("audit.log");
        assertThatThrownBy(() -> AuditFile.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The audit log " + file + " cannot be written.");
    }

    private static AuditLog auditLog() {
        return new AuditLog(LoggerFactory.getLogger(AuditLog.LOGGER_NAME), CLOCK);
    }

    /** Every line of the rolled and the active file; an archive still being written counts as empty. */
    private static List<JsonNode> readAll(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (Path path : rolledFiles(file)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
                lines.addAll(jsonLines(in));
            } catch (IOException e) {
                return List.of();
            }
        }
        lines.addAll(jsonLines(Files.newInputStream(file)));
        return lines;
    }

    private static List<Path> rolledFiles(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(path -> !path.equals(file)).sorted().toList();
        }
    }

    private static List<JsonNode> jsonLines(InputStream in) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** Stands in for the appender a Logback configuration attaches to the audit logger. */
    private static final class Collector extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Collector() {
            setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }
    }
}
