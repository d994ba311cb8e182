package io.quorate.coordinator.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records every log line of this JVM (coordinators and probes alike) while open, to assert on what people read. */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  /** "LEVEL logger message" lines, messages formatted. */
  public List<String> lines() {
    synchronized (appender) {
      return appender.list.stream()
          .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()).toList();
    }
  }

  public boolean contains(String text) {
    return lines().stream().anyMatch(line -> line.contains(text));
  }

  @Override
  public void close() {
    root.detachAppender(appender);
  }
}
