package io.reservations.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.contract.ReservationStatus;
import io.reservations.processor.it.MixedCommandLoad;
import io.reservations.processor.it.MixedCommandLoad.Keyed;
import io.reservations.processor.it.SagaInvariants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Two processor containers under load, one killed ({@code docker kill}, SIGKILL) halfway: the other takes its
 * partitions, and a read_committed reader of the topics finds every command answered once, no resource given
 * twice and no selection left open; a saga through the API container completes meanwhile.
 */
@Testcontainers(disabledWithoutDocker = true)
class ProcessorKillContainersIT {

    private static final int WINDOWS = 6;
    private static final int RESOURCES_PER_WINDOW = 10;
    private static final int RESERVATIONS = 150;

    @Test
    void shouldLoseNothingDoubleNothingAndLeaveNothingOpenWhenAProcessorContainerIsKilled() throws Exception {
        try (ContainerCluster cluster = ContainerCluster.start(2);
             KafkaProducer<String, byte[]> producer = producer(cluster.bootstrap())) {
            final Http http = new Http(cluster.apiUrl(), cluster.adminToken());
            final List<Keyed> setup = MixedCommandLoad.windowsAndReservations(WINDOWS, RESOURCES_PER_WINDOW, RESERVATIONS);
            final List<Keyed> load = MixedCommandLoad.selectionsAndCancels(RESERVATIONS, 7L);
            MixedCommandLoad.publish(producer, setup);
            MixedCommandLoad.publish(producer, load.subList(0, load.size() / 2));

            cluster.kill(2);
            MixedCommandLoad.publish(producer, load.subList(load.size() / 2, load.size()));
            final String window = "w-api";
            final String reservation = Partitions.elsewhere("r-api", window);
            settled(http, http.post("/windows", "{\"id\":\"" + window + "\",\"resources\":[{\"id\":\"A1\",\"type\":\"seat\"}]}"));
            settled(http, http.post("/reservations", "{\"id\":\"" + reservation + "\",\"window_id\":\"" + window + "\"}"));
            final Http.Response selected = settled(http, http.post("/reservations/" + reservation + "/select-resource",
                    "{\"resource_type\":\"seat\"}"));

            assertThat(selected.body().toString()).contains("\"CONFIRMED\"", "\"A1\"");
            final List<String> sent = new ArrayList<>();
            setup.forEach(command -> sent.add(command.commandId()));
            load.forEach(command -> sent.add(command.commandId()));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    SagaInvariants.read(cluster.bootstrap()).resultsByCommand.keySet().containsAll(sent));
            final SagaInvariants topics = SagaInvariants.read(cluster.bootstrap());
            final Set<String> throughApi = new HashSet<>(topics.resultsByCommand.keySet());
            throughApi.removeAll(sent);
            assertThat(throughApi).as("the commands sent through the API").hasSize(3);
            sent.addAll(throughApi);
            topics.assertExactlyOneResultPerCommand(sent);
            topics.assertAllocationsConsistent();
            assertThat(topics.count(ReservationStatus.SELECTING)).as("selections left open").isZero();
            assertThat(topics.deadLetters).isZero();
            assertThat(topics.count(ReservationStatus.CONFIRMED)).isPositive();
            assertThat(topics.heldResources()).isEqualTo(topics.count(ReservationStatus.CONFIRMED));
        }
    }

    /** The command's answer: at once, or after its 202, from {@code /commands/{id}} once it has a result. */
    private static Http.Response settled(final Http http, final Http.Response answer) {
        if (answer.status() != 202) {
            assertThat(answer.status()).as("%s", answer.body()).isBetween(200, 201);
            return answer;
        }
        final String location = "/commands/" + answer.body().get("command_id").asString();
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get(location), read -> read.status() == 200
                        && "SUCCEEDED".equals(read.body().get("status").asString()));
    }

    private static KafkaProducer<String, byte[]> producer(final String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }
}
