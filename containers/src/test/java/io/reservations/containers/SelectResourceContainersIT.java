package io.reservations.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The service's images on a Kafka container: a select-resource saga across two partitions, over HTTP. */
@Testcontainers(disabledWithoutDocker = true)
class SelectResourceContainersIT {

    @Test
    void shouldConfirmASelectionWhoseWindowLivesOnAnotherPartition() throws Exception {
        try (ContainerCluster cluster = ContainerCluster.start(1)) {
            final Http http = new Http(cluster.apiUrl(), cluster.adminToken());
            final String window = "w-tc";
            final String reservation = Partitions.elsewhere("r-tc", window);

            assertThat(http.post("/windows", "{\"id\":\"" + window + "\",\"resources\":[{\"id\":\"A1\",\"type\":\"seat\"},"
                    + "{\"id\":\"A2\",\"type\":\"seat\"}]}").status()).isEqualTo(201);
            assertThat(http.post("/reservations", "{\"id\":\"" + reservation + "\",\"window_id\":\"" + window + "\"}")
                    .status()).isEqualTo(201);
            final Http.Response selected = http.post("/reservations/" + reservation + "/select-resource",
                    "{\"resource_type\":\"seat\"}");

            assertThat(selected.status()).as("%s", selected.body()).isEqualTo(200);
            assertThat(selected.body().get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(selected.body().get("selected_resource").get("id").asString()).isEqualTo("A1");
            final Http.Response read = http.get("/windows/" + window);
            assertThat(read.body().get("resources").get(0).get("held_by").asString()).isEqualTo(reservation);
            assertThat(read.body().get("resources").get(1).get("available").asBoolean()).isTrue();
        }
    }
}
