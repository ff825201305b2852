package dev.p2pcopy.relay.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Points the audit logger at a rolling file for as long as it is open: the file rolls over at midnight UTC and at
 * {@link #MAX_FILE_SIZE}, rolled files are gzipped, and those older than {@link #MAX_DAYS} days or beyond
 * {@link #TOTAL_SIZE_CAP} in all are deleted.
 *
 * <p>While open, the file replaces whatever the Logback configuration attached to the audit logger (standard
 * output, normally); closing puts that back. There is one audit logger per JVM, so two relays in one process with
 * audit files both write to the one opened last.
 */
final class AuditFile implements AutoCloseable {

    /** Size at which the current file rolls over even before midnight. */
    static final FileSize MAX_FILE_SIZE = FileSize.valueOf("100MB");
    /** Days of rolled files kept. */
    static final int MAX_DAYS = 14;
    /** Size of all rolled files together above which the oldest are deleted. */
    static final FileSize TOTAL_SIZE_CAP = FileSize.valueOf("2GB");

    private final Logger logger;
    private final RollingFileAppender<ILoggingEvent> appender;
    private final List<Appender<ILoggingEvent>> replaced;
    private final Level previousLevel;
    private final boolean previousAdditivity;

    private AuditFile(Logger logger, RollingFileAppender<ILoggingEvent> appender) {
        this.logger = logger;
        this.appender = appender;
        this.replaced = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(replaced::add);
        this.previousLevel = logger.getLevel();
        this.previousAdditivity = logger.isAdditive();
        replaced.forEach(logger::detachAppender);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
    }

    /**
     * Opens the audit file with the standard rotation.
     *
     * @param file the current audit file; rolled files go next to it
     * @return the open audit file
     * @throws IllegalArgumentException with a one-sentence reason if the file cannot be written
     */
    static AuditFile open(Path file) {
        return open(file, MAX_FILE_SIZE);
    }

    static AuditFile open(Path file, FileSize maxFileSize) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalArgumentException("The audit log needs Logback as the logging backend, not "
                    + factory.getClass().getName() + ".");
        }
        String name = file.toAbsolutePath().toString();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("p2p-copy-audit-file");
        appender.setFile(name);
        appender.setEncoder(encoder(context));

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        // Logback reads backslashes in the pattern as escapes; forward slashes work on every system.
        policy.setFileNamePattern(name.replace('\\', '/') + ".%d{yyyy-MM-dd,UTC}.%i.gz");
        policy.setMaxFileSize(maxFileSize);
        policy.setMaxHistory(MAX_DAYS);
        policy.setTotalSizeCap(TOTAL_SIZE_CAP);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        if (!appender.isStarted()) {
            appender.stop();
            throw new IllegalArgumentException("The audit log " + file + " cannot be written.");
        }
        return new AuditFile(context.getLogger(AuditLog.LOGGER_NAME), appender);
    }

    /** Stops writing the file (rolled-file compression included) and gives the logger back its old appenders. */
    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditivity);
        for (Appender<ILoggingEvent> previous : replaced) {
            // Another relay's audit file may have closed meanwhile.
            if (previous.isStarted()) {
                logger.addAppender(previous);
            }
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
