package io.reservations.api.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Every log event of this JVM while open, as text (message, arguments and stack traces). */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final Map<Logger, Level> raised = new HashMap<>();

    public LogCapture() {
        final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /** Also captures {@code logger} down to INFO (for instance Kafka's configuration dumps) while open. */
    public LogCapture including(final String logger) {
        final Logger named = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(logger);
        raised.put(named, named.getLevel());
        named.setLevel(Level.INFO);
        return this;
    }

    public List<String> lines() {
        final List<ILoggingEvent> events;
        synchronized (appender) { // AppenderBase.doAppend appends to the list while holding the appender's monitor
            events = List.copyOf(appender.list);
        }
        return events.stream().map(LogCapture::text).toList();
    }

    private static String text(final ILoggingEvent event) {
        final StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            text.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
        }
        event.getMDCPropertyMap().values().forEach(value -> text.append(" ").append(value));
        return text.toString();
    }

    @Override
    public void close() {
        raised.forEach(Logger::setLevel);
        root.detachAppender(appender);
        appender.stop();
    }
}
