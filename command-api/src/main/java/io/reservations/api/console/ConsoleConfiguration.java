package io.reservations.api.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.reservations.api.console.audit.AuditorFindings;
import io.reservations.api.console.audit.AuditorReport;
import io.reservations.api.console.audit.RemoteAuditorFindings;
import io.reservations.api.console.deadletters.DeadLetterShelf;
import io.reservations.api.console.deadletters.Resubmitter;
import io.reservations.api.console.deadletters.ShelfReader;
import io.reservations.api.console.rates.KeyRates;
import io.reservations.api.kafka.FollowingReader;
import io.reservations.api.kafka.KafkaConnection;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the console reads besides the public API: dead letters, the auditor's findings, the key rates. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleConfiguration {

    @Bean
    DeadLetterShelf deadLetterShelf(final ConsoleProperties properties) {
        return new DeadLetterShelf(properties.deadLettersKept());
    }

    @Bean
    FollowingReader deadLetterReader(final KafkaConnection kafka, final DeadLetterShelf shelf) {
        return ShelfReader.deadLetters(kafka, shelf);
    }

    @Bean
    FollowingReader resubmissionReader(final KafkaConnection kafka, final DeadLetterShelf shelf) {
        return ShelfReader.resubmissions(kafka, shelf);
    }

    @Bean(destroyMethod = "close")
    Resubmitter resubmitter(final KafkaConnection kafka, final DeadLetterShelf shelf) {
        return new Resubmitter(kafka, shelf, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    KeyRates keyRates(final MeterRegistry meters, final ConsoleProperties properties) {
        return new KeyRates(meters, Clock.systemUTC(), properties.ratesEvery());
    }

    /** The auditor at its URL when one is set; else the one in this process (the local service's); else none. */
    @Bean
    ConsoleAuditor consoleAuditor(final ConsoleProperties properties, final ObjectProvider<AuditorFindings> inProcess) {
        final AuditorFindings auditor = properties.auditorUrl().isBlank()
                ? inProcess.getIfAvailable(() -> AuditorReport::none)
                : new RemoteAuditorFindings(properties.auditorUrl());
        return new ConsoleAuditor(auditor);
    }

    /** The auditor the console asks (a type of its own, beside an in-process {@link AuditorFindings} bean). */
    public record ConsoleAuditor(AuditorFindings findings) {
    }
}
