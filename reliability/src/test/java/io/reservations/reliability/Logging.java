package io.reservations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The brokers' logging: warnings and the state changes worth reading after a fault, not every config dump. */
final class Logging {

    private Logging() {
    }

    static Path writeConfig(final Path dir) {
        final String xml = """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                  <logger name="kafka.server.ControllerServer" level="INFO"/>
                  <logger name="kafka.coordinator.transaction" level="INFO"/>
                  <logger name="org.apache.kafka.coordinator.group" level="INFO"/>
                  <logger name="org.apache.kafka.raft" level="INFO"/>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """;
        try {
            Files.createDirectories(dir);
            final Path file = dir.resolve("broker-logback.xml");
            Files.writeString(file, xml);
            return file;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
