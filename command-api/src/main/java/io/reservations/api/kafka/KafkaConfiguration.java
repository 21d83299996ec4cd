package io.reservations.api.kafka;

import io.reservations.api.ReservationsProperties;
import io.reservations.topics.KafkaClientSecurity;
import io.reservations.topics.TopicProvisioner;
import io.reservations.topics.TopicSettings;
import io.reservations.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;

/** The Kafka side of the process: the cluster to join (or the process's own broker, when it runs one) and topics. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    private static final Duration HEALTH_TTL = Duration.ofSeconds(2);

    /** The configured cluster, or the broker this process runs (the local service's) when none is configured. */
    @Bean(destroyMethod = "close")
    KafkaConnection kafkaConnection(final ReservationsProperties properties, final ObjectProvider<EmbeddedBroker> own) {
        final KafkaConnection connection;
        if (properties.kafka().local()) {
            final EmbeddedBroker broker = own.getIfAvailable();
            if (broker == null) {
                throw new IllegalStateException("No Kafka cluster configured (KAFKA_BOOTSTRAP_SERVERS, "
                        + "reservations.kafka.bootstrap-servers), and command-api.jar runs no broker of its own: "
                        + "name a cluster, or start the local service (./run.sh, local-service.jar)");
            }
            connection = new KafkaConnection(broker.bootstrapServers(), KafkaClientSecurity.NONE, broker);
        } else {
            connection = new KafkaConnection(properties.kafka().bootstrapServers(),
                    properties.kafka().security().toClientSecurity(), null);
        }
        // each role makes sure of the topics it uses (creation is idempotent and checks co-partitioning): the REST
        // edge of its own, the processor (where one runs in this process) of all of them; an API-only instance may
        // not even see the others where ACLs are in place (ApplicationAcls)
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, topicSettings(properties)).provision(Topics.USED_BY_API);
        }
        return connection;
    }

    public static TopicSettings topicSettings(final ReservationsProperties properties) {
        return new TopicSettings(properties.kafka().partitions(), properties.kafka().replicationFactor(),
                properties.kafka().correctTopicDrift());
    }

    @Bean
    ProducerFactory<String, byte[]> commandProducerFactory(final KafkaConnection connection, final MeterRegistry meters) {
        final Map<String, Object> config = connection.clientConfig();
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES,
                // a request fails with 503 within seconds when Kafka is unreachable, instead of hanging
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000));
        final DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    /**
     * spring-kafka tags its clients' meters with {@code spring.id}; Kafka Streams' and the results consumer's meters
     * have no such tag. Prometheus refuses one meter name with two sets of tag keys, so the producer's meters that
     * share a name with the others (app-info) were dropped with a warning at every start.
     */
    @Bean
    MeterFilter kafkaMetersWithoutSpringId() {
        return MeterFilter.ignoreTags("spring.id");
    }

    @Bean
    KafkaTemplate<String, byte[]> commandTemplate(final ProducerFactory<String, byte[]> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean(destroyMethod = "close")
    Admin reservationsAdmin(final KafkaConnection connection) {
        final Map<String, Object> config = connection.clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return Admin.create(config);
    }

    /** Readiness: the broker answered within the last two seconds (RecentHealth: probes do not reach it each). */
    @Bean
    HealthIndicator kafka(final Admin admin) {
        return new RecentHealth(() -> {
            try {
                final int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
                return Health.up().withDetail("brokers", nodes).build();
            } catch (final Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
            }
        }, Clock.systemUTC(), HEALTH_TTL);
    }
}
