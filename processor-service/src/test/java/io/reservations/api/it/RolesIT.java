package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reservations.api.ReservationsApplication;
import io.reservations.api.query.LocalPartitions;
import io.reservations.api.support.HttpJson;
import io.reservations.api.support.HttpJson.Response;
import io.reservations.api.support.ServiceInstance;
import io.reservations.topics.KafkaTestBroker;
import io.reservations.topics.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API-only instance (the REST edge's sources alone, as {@code command-api.jar} runs them) in front of a
 * processor-only instance: commands and reads work end to end, and a read passes over a listed processor instance
 * that is down.
 */
@ExtendWith(SharedKafkaBroker.class)
class RolesIT {

    @TempDir
    Path data;

    @Test
    void shouldServeCommandsFromAnApiOnlyInstanceAndReadsThroughTheProcessorInstance(final KafkaTestBroker broker) {
        try (ServiceInstance processor = ServiceInstance.start(broker.bootstrapServers(), data.resolve("p"), "roles",
                Map.of("reservations.api.enabled", false, "reservations.security.local-key-dir", data.resolve("jwt")));
             ServiceInstance api = ServiceInstance.start(new Class<?>[] {ReservationsApplication.class},
                     broker.bootstrapServers(), data.resolve("a"), "roles", Map.of("reservations.api.read-from",
                             "http://localhost:" + ServiceInstance.freePort() + "," + processor.baseUrl(),
                             "reservations.security.local-key-dir", data.resolve("jwt")))) {
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> processor.processor().state() == KafkaStreams.State.RUNNING);
            assertThat(api.context().getBeanProvider(LocalPartitions.class).getIfAvailable())
                    .as("the REST edge alone has no processor").isNull();
            final HttpJson viaApi = api.http();

            assertThat(viaApi.post("/windows", "{\"id\":\"w\",\"resources\":[{\"id\":\"a\",\"type\":\"seat\"}]}").status())
                    .isEqualTo(201);
            assertThat(viaApi.post("/reservations", "{\"id\":\"r\",\"window_id\":\"w\"}").status()).isEqualTo(201);
            final Response selected = viaApi.post("/reservations/r/select-resource", "{\"resource_type\":\"seat\"}");

            assertThat(selected.status()).isEqualTo(200);
            // reads alternate their first choice between the dead instance and the live one: both orders answer
            assertThat(viaApi.get("/reservations/r").json()).isEqualTo(selected.json());
            assertThat(viaApi.get("/reservations/r").json()).isEqualTo(selected.json());
            assertThat(viaApi.get("/windows/w").json().get("resources").get(0).get("held_by").asString()).isEqualTo("r");
            final Response refused = processor.http().post("/reservations", "{\"id\":\"r2\",\"window_id\":\"w\"}");
            assertThat(refused.status()).as("the processor-only instance takes no commands").isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }
}
