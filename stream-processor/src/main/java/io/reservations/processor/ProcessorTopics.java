package io.reservations.processor;

import io.reservations.contract.Reservation;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.OwnerUsage;
import io.reservations.topics.TopicProvisioner;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics a processor needs before it starts: the contract's and the application's own, created when missing
 * and checked (partition counts, settings) when present.
 *
 * @param replicationFactor  the contract topics' replication factor, for the application's internal topics
 * @param largestRecordBytes the largest record every topic the sagas write takes
 */
record ProcessorTopics(short replicationFactor, int largestRecordBytes) {

    static ProcessorTopics provision(final ProcessorSettings settings) {
        try (Admin admin = Admin.create(settings.clientConfig())) {
            final TopicProvisioner provisioner = new TopicProvisioner(admin, settings.topics());
            final TopicProvisioner.Provisioned contract = provisioner.provision(Topics.ALL);
            final TopicProvisioner.Provisioned index = provisioner.provision(List.of(ownerIndexTopic(settings.applicationId())));
            // its records are a few bytes: the broker's default record limit is no bound on the sagas' records
            provisioner.provision(List.of(OwnerUsage.topic(settings.applicationId())));
            return new ProcessorTopics(contract.replicationFactor(),
                    Math.min(contract.largestRecordBytes(), index.largestRecordBytes()));
        }
    }

    /**
     * The owner index's topic, internal to the application (its name starts with the application id, so the
     * processor's ACLs cover it): one record per change of a reservation, read once into the index.
     */
    private static TopicSpec<String, Reservation> ownerIndexTopic(final String applicationId) {
        return new TopicSpec<>(StoresAndTopics.ownerIndexTopic(applicationId), Serdes.String(),
                new JsonSerde<>(Reservation.class), true, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_RECORD_BYTES)));
    }
}
