package dev.p2pcopy.desktop.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects what one class logs, from any thread, while open. */
final class LogRecorder extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    /** The formatted messages, in order. */
    final List<String> messages = new CopyOnWriteArrayList<>();

    private final Logger logger;
    private final Level level;

    private LogRecorder(Class<?> type) {
        this.logger = (Logger) LoggerFactory.getLogger(type);
        this.level = logger.getLevel();
    }

    /** Starts recording what {@code type} logs. */
    static LogRecorder of(Class<?> type) {
        LogRecorder recorder = new LogRecorder(type);
        recorder.setContext(recorder.logger.getLoggerContext());
        recorder.start();
        recorder.logger.setLevel(Level.ALL); // the app's configuration may hide what is recorded
        recorder.logger.addAppender(recorder);
        return recorder;
    }

    @Override
    protected void append(ILoggingEvent event) {
        messages.add(event.getFormattedMessage());
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(level);
        stop();
    }
}
