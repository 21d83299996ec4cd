package io.reservations.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The REST edge ships without the other half: neither the stream processor nor Kafka Streams is on its classpath. */
class RestEdgeClasspathTest {

    @Test
    void shouldCarryNeitherTheStreamProcessorNorKafkaStreams() {
        assertThatThrownBy(() -> Class.forName("io.reservations.processor.StreamProcessor"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.streams.KafkaStreams"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
