package io.reservations.api.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.support.ServiceInstance;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's jars carry no broker: with no cluster named the service refuses to start and says what to run instead. */
class ClusterRequiredIT {

    @Test
    void shouldRefuseToStartWithoutAClusterAndNameTheLocalService(@TempDir final Path data) {
        assertThatThrownBy(() -> ServiceInstance.start("", data, "reservation-processor", Map.of()))
                .hasStackTraceContaining("No Kafka cluster configured")
                .hasStackTraceContaining("local-service.jar");
    }
}
