package io.reservations.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.reservations.api.ReservationsProperties;
import io.reservations.api.kafka.KafkaConfiguration;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.api.query.LocalPartitions;
import io.reservations.processor.ProcessorSettings;
import io.reservations.processor.StreamProcessor;
import io.reservations.processor.ThreadFailures;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processor role: this instance masters some partitions and answers reads for their entities. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "reservations.processor.enabled", matchIfMissing = true)
public class ProcessorConfiguration {

    @Bean(destroyMethod = "close")
    StreamProcessor streamProcessor(final ReservationsProperties properties, final KafkaConnection kafka,
                                    @Value("${server.port:8080}") final int port, final MeterRegistry meters) {
        final ReservationsProperties.Processor processor = properties.processor();
        return StreamProcessor.start(new ProcessorSettings(
                kafka.bootstrapServers(),
                processor.applicationId(),
                properties.dataDir().resolve("streams"),
                KafkaConfiguration.topicSettings(properties),
                processor.commitInterval(),
                processor.commandRetention(),
                processor.standbyReplicas(),
                processor.streamThreads(),
                processor.instanceId().isBlank() ? null : processor.instanceId(),
                processor.sessionTimeout(),
                processor.advertisedHost() + ":" + port, kafka.security(), processor.selectionTimeout()), meters);
    }

    /** What the reads of this instance answer from: the partitions its processor holds. */
    @Bean
    LocalPartitions localPartitions(final StreamProcessor processor) {
        return new StreamsPartitions(processor);
    }

    /**
     * Readiness: the processor can take traffic while Kafka Streams runs or rebalances, unless its stream threads
     * keep failing (each is replaced, so Kafka Streams stays RUNNING while nothing is processed).
     */
    @Bean
    HealthIndicator kafkaStreams(final StreamProcessor processor) {
        return () -> {
            final KafkaStreams.State state = processor.state();
            final int failures = processor.threadFailures().recentFailures();
            final boolean serving = (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING)
                    && failures < ThreadFailures.REPEATED;
            return (serving ? Health.up() : Health.down()).withDetail("state", state.name())
                    .withDetail("recent_thread_failures", failures).build();
        };
    }

    /** Liveness: only a dead Kafka Streams (all threads failed) calls for a restart of the process. */
    @Bean
    HealthIndicator kafkaStreamsAlive(final StreamProcessor processor) {
        return () -> {
            final KafkaStreams.State state = processor.state();
            final boolean dead = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
            return (dead ? Health.down() : Health.up()).withDetail("state", state.name()).build();
        };
    }
}
