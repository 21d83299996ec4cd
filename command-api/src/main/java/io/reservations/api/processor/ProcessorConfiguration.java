package io.reservations.api.processor;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.kafka.KafkaConnection;
import io.reservations.processor.ProcessorSettings;
import io.reservations.processor.StreamProcessor;
import io.reservations.topics.TopicSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processor role: this instance masters some partitions and answers reads for their entities. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "reservations.processor.enabled", matchIfMissing = true)
public class ProcessorConfiguration {

    @Bean(destroyMethod = "close")
    StreamProcessor streamProcessor(final ReservationsProperties properties, final KafkaConnection kafka,
                                    @Value("${server.port:8080}") final int port) {
        final ReservationsProperties.Processor processor = properties.processor();
        return StreamProcessor.start(new ProcessorSettings(
                kafka.bootstrapServers(),
                processor.applicationId(),
                properties.dataDir().resolve("streams"),
                new TopicSettings(properties.kafka().partitions(), properties.kafka().replicationFactor()),
                processor.commitInterval(),
                processor.commandRetention(),
                processor.standbyReplicas(),
                processor.streamThreads(),
                processor.instanceId().isBlank() ? null : processor.instanceId(),
                processor.sessionTimeout(),
                processor.advertisedHost() + ":" + port));
    }
}
