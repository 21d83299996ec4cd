package io.reservations.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class EntityPartitionerTest {

    @Test
    void shouldPlaceAnIdWhereTheDefaultProducerPartitionerPutsItsKey() {
        for (int i = 0; i < 1_000; i++) {
            final String id = "entity-" + i;
            assertThat(EntityPartitioner.partitionOf(id, 12))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), 12));
        }
    }
}
