package io.reservations.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real in-JVM KRaft broker. */
class TopicProvisionerTest {

    private static KafkaTestBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = KafkaTestBroker.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void shouldCreateEveryTopicWithItsPolicyAndBeIdempotent() throws Exception {
        final TopicSettings settings = new TopicSettings(4, 0);
        final TopicProvisioner provisioner = new TopicProvisioner(admin, settings);

        assertThat(provisioner.provision(Topics.ALL).replicationFactor()).isEqualTo((short) 1);
        provisioner.provision(Topics.ALL); // a second instance starting finds everything in place

        final Set<String> names = admin.listTopics().names().get();
        assertThat(names).contains("reservation.commands", "window.commands", "forward-writes",
                "reservation.events", "window.events", "command.results", "dead-letters");
        assertThat(admin.describeTopics(List.of("forward-writes")).allTopicNames().get()
                .get("forward-writes").partitions()).hasSize(4);
        final ConfigResource results = new ConfigResource(ConfigResource.Type.TOPIC, "command.results");
        final ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "window.events");
        final var configs = admin.describeConfigs(List.of(results, events)).all().get();
        assertThat(configs.get(results).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact,delete");
        assertThat(configs.get(results).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("604800000");
        assertThat(configs.get(events).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        assertThat(configs.get(events).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
    }

    @Test
    void shouldCorrectAnExistingTopicsSettingsToItsSpecAndReportTheLimitItTakes() throws Exception {
        final TopicSpec<?, ?> spec = new TopicSpec<>("drift.corrected", null, null, false, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_RECORD_BYTES)));
        admin.createTopics(List.of(new NewTopic("drift.corrected", 4, (short) 1).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        awaitConfig("drift.corrected", TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

        final TopicProvisioner.Provisioned provisioned = new TopicProvisioner(admin, new TopicSettings(4, 0))
                .provision(List.of(spec));

        // the controller has committed the change; the broker applies it moments later
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(config("drift.corrected", TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("delete");
            assertThat(config("drift.corrected", TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                    .isEqualTo(Integer.toString(Topics.MAX_RECORD_BYTES));
        });
        assertThat(provisioned.largestRecordBytes()).isEqualTo(Topics.MAX_RECORD_BYTES);
    }

    @Test
    void shouldOnlyReportDriftWhenToldNotToCorrectAndTakeTheSmallerLimit() throws Exception {
        final TopicSpec<?, ?> spec = new TopicSpec<>("drift.reported", null, null, false, Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_RECORD_BYTES)));
        admin.createTopics(List.of(new NewTopic("drift.reported", 4, (short) 1).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "500000")))).all().get();
        awaitConfig("drift.reported", TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "500000");

        final TopicProvisioner.Provisioned provisioned = new TopicProvisioner(admin, new TopicSettings(4, 0, false))
                .provision(List.of(spec));

        assertThat(config("drift.reported", TopicConfig.MAX_MESSAGE_BYTES_CONFIG)).isEqualTo("500000");
        assertThat(provisioned.largestRecordBytes()).isEqualTo(500_000);
    }

    /**
     * Another tool makes a topic, without the record limit, just before this instance starts: the broker that lists
     * topics does not know it yet, the provisioner's create finds it exists. Before, that topic went unchecked and
     * the processor took the contract's 8 MiB for it; a larger result then failed the stream thread at the broker.
     */
    @Test
    void shouldCheckATopicMadeElsewhereWhileItWasBeingCreated() throws Exception {
        final TopicSpec<?, ?> spec = new TopicSpec<>("made.elsewhere", null, null, false, Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_RECORD_BYTES)));
        admin.createTopics(List.of(new NewTopic("made.elsewhere", 4, (short) 1).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "500000")))).all().get();

        final TopicProvisioner.Provisioned provisioned = new TopicProvisioner(new ListingNothing(),
                new TopicSettings(4, 0, false)).provision(List.of(spec));

        assertThat(provisioned.largestRecordBytes()).isEqualTo(500_000);
    }

    /** An admin whose broker has not heard of any topic yet. */
    private static final class ListingNothing extends ForwardingAdmin {

        ListingNothing() {
            super(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        }

        @Override
        public ListTopicsResult listTopics(final ListTopicsOptions options) {
            try { // the result's constructor is the client's own
                final Constructor<ListTopicsResult> result = ListTopicsResult.class.getDeclaredConstructor(
                        KafkaFuture.class);
                result.setAccessible(true);
                return result.newInstance(KafkaFuture.completedFuture(Map.<String, TopicListing>of()));
            } catch (final ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The controller has committed the topic; the broker, which answers the provisioner, applies it moments later. */
    private static void awaitConfig(final String topic, final String name, final String value) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(config(topic, name)).isEqualTo(value));
    }

    private static String config(final String topic, final String name) throws Exception {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
    }

    @Test
    void shouldRefuseToStartWhenAnInputTopicHasAnotherPartitionCount() throws Exception {
        final TopicSpec<?, ?> commands = new TopicSpec<>("mismatch.commands", null, null, true, Map.of());
        final TopicSpec<?, ?> forwards = new TopicSpec<>("mismatch.forwards", null, null, true, Map.of());
        admin.createTopics(List.of(new NewTopic("mismatch.forwards", 3, (short) 1))).all().get();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.describeTopics(List.of("mismatch.forwards"))
                .allTopicNames().get().get("mismatch.forwards").partitions()).hasSize(3));

        assertThatThrownBy(() -> new TopicProvisioner(admin, new TopicSettings(6, 0)).provision(List.of(commands, forwards)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must all have 6 partitions")
                .hasMessageContaining("mismatch.forwards=3");
    }

    @Test
    void shouldUseThreeReplicasAndTwoInSyncOnceTheClusterAllows() {
        final TopicSettings settings = TopicSettings.defaults();

        assertThat(settings.replicationFactorFor(1)).isEqualTo((short) 1);
        assertThat(settings.replicationFactorFor(5)).isEqualTo((short) 3);
        assertThat(TopicSettings.minInSyncReplicasFor((short) 3)).isEqualTo(2);
        assertThat(TopicSettings.minInSyncReplicasFor((short) 1)).isEqualTo(1);
    }
}
