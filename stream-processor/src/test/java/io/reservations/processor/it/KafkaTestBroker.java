package io.reservations.processor.it;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft broker in this JVM, configured so that exactly-once works on one node. */
public final class KafkaTestBroker {

    private KafkaTestBroker() {
    }

    public static EmbeddedKafkaKraftBroker start() {
        final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                // the transaction log defaults to 3 replicas; without these Streams never leaves REBALANCING
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return broker;
    }
}
