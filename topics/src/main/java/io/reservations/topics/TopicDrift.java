package io.reservations.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the live configuration of existing topics with their specs, and sets what differs (or, when it may
 * not, reports it with the command that fixes it). A topic made elsewhere with the broker's 1 MiB record limit
 * refused the result of a large window, and the stream thread retried that record for ever.
 */
final class TopicDrift {

    private static final Logger LOG = LoggerFactory.getLogger(TopicDrift.class);

    private final Admin admin;
    private final boolean correct;

    TopicDrift(final Admin admin, final boolean correct) {
        this.admin = admin;
        this.correct = correct;
    }

    /** @return the smallest {@code max.message.bytes} among the topics once reconciled, or null when unknown */
    Integer reconcile(final List<TopicSpec<?, ?>> specs) throws InterruptedException {
        final Map<ConfigResource, TopicSpec<?, ?>> resources = new HashMap<>();
        specs.forEach(spec -> resources.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), spec));
        final Map<ConfigResource, Config> live;
        try {
            live = MetadataWait.untilKnown(() -> admin.describeConfigs(resources.keySet()).all().get());
        } catch (final ExecutionException e) {
            LOG.warn("Cannot read the topics' configuration to check it ({}); grant DescribeConfigs on them",
                    e.getCause().getMessage());
            return null;
        }
        Integer smallest = null;
        for (final Map.Entry<ConfigResource, Config> topic : live.entrySet()) {
            final TopicSpec<?, ?> spec = resources.get(topic.getKey());
            final Map<String, String> kept = reconcile(topic.getKey(), spec, topic.getValue());
            // the live value where it still differs, else the spec's (now set), else the broker's default
            final String limit = kept.getOrDefault(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, spec.configs().getOrDefault(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value(topic.getValue(), TopicConfig.MAX_MESSAGE_BYTES_CONFIG)));
            if (limit != null) {
                smallest = smallest == null ? Integer.parseInt(limit) : Math.min(smallest, Integer.parseInt(limit));
            }
        }
        return smallest;
    }

    /** @return the settings that still differ from the spec, with their live values */
    private Map<String, String> reconcile(final ConfigResource topic, final TopicSpec<?, ?> spec, final Config live)
            throws InterruptedException {
        final Map<String, String> drifted = new HashMap<>();
        spec.configs().forEach((name, expected) -> {
            final String actual = value(live, name);
            if (!expected.equals(actual)) {
                drifted.put(name, actual);
            }
        });
        if (drifted.isEmpty()) {
            return Map.of();
        }
        if (correct) {
            final Collection<AlterConfigOp> set = new ArrayList<>();
            drifted.keySet().forEach(name -> set.add(new AlterConfigOp(
                    new ConfigEntry(name, spec.configs().get(name)), AlterConfigOp.OpType.SET)));
            try {
                admin.incrementalAlterConfigs(Map.of(topic, set)).all().get();
                LOG.warn("Topic {} had {}; set to {}", topic.name(), drifted, pick(spec.configs(), drifted));
                return Map.of();
            } catch (final ExecutionException e) {
                LOG.error("Topic {} has {} but needs {}, and cannot be changed from here: {}", topic.name(), drifted,
                        pick(spec.configs(), drifted), e.getCause() instanceof AuthorizationException
                                ? "not authorized (AlterConfigs)" : e.getCause().getMessage());
            }
        } else {
            LOG.error("Topic {} has {} but needs {} (not corrected: topic drift correction is off)",
                    topic.name(), drifted, pick(spec.configs(), drifted));
        }
        LOG.error("Fix with: kafka-configs.sh --alter --entity-type topics --entity-name {} --add-config {}",
                topic.name(), String.join(",", pick(spec.configs(), drifted).entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + (entry.getValue().contains(",")
                                ? "[" + entry.getValue() + "]" : entry.getValue())).toList()));
        return drifted;
    }

    private static Map<String, String> pick(final Map<String, String> configs, final Map<String, String> names) {
        final Map<String, String> picked = new HashMap<>();
        names.keySet().forEach(name -> picked.put(name, configs.get(name)));
        return picked;
    }

    private static String value(final Config config, final String name) {
        final ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }
}
