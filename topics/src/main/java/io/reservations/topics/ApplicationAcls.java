package io.reservations.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each application user may do on a cluster whose brokers deny everything no ACL allows
 * ({@code StandardAuthorizer}, {@code allow.everyone.if.no.acl.found=false}). The API publishes commands and reads
 * results; the processor reads its inputs, writes its outputs and owns its application id's internal topics, group
 * and transactional ids. Nobody else may write forward writes, events or results.
 */
public final class ApplicationAcls {

    /** The shard masters' inputs, and the results that the command-status store follows. */
    private static final List<TopicSpec<?, ?>> PROCESSOR_INPUTS = List.of(
            Topics.RESERVATION_COMMANDS, Topics.WINDOW_COMMANDS, Topics.BUNDLE_COMMANDS, Topics.FORWARD_WRITES,
            Topics.COMMAND_RESULTS);
    private static final List<TopicSpec<?, ?>> PROCESSOR_OUTPUTS = List.of(Topics.FORWARD_WRITES,
            Topics.RESERVATION_EVENTS, Topics.WINDOW_EVENTS, Topics.BUNDLE_EVENTS, Topics.COMMAND_RESULTS,
            Topics.DEAD_LETTERS);

    /** The prefix of the transactional ids of the console's resubmits (each API instance adds its own suffix). */
    public static final String CONSOLE_TRANSACTIONS = "reservations-console-";

    private ApplicationAcls() {
    }

    /**
     * The command API: write the command topics, read the results, the owners' usage, the windows' events and
     * the dead letters (without a group: it assigns partitions), record the console's resubmits, and read those
     * topics' settings to report any that differ from the contract's (TopicDrift).
     */
    public static List<AclBinding> api(final String user, final String processorApplicationId) {
        final List<AclBinding> acls = new ArrayList<>();
        acls.addAll(topic(user, Topics.RESERVATION_COMMANDS, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.WRITE));
        acls.addAll(topic(user, Topics.WINDOW_COMMANDS, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.WRITE));
        acls.addAll(topic(user, Topics.BUNDLE_COMMANDS, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.WRITE));
        acls.addAll(topic(user, Topics.COMMAND_RESULTS, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.READ));
        // the owners' usage, which the processor's read models publish, for the quotas (OwnerUsage)
        acls.addAll(topic(user, OwnerUsage.topic(processorApplicationId), AclOperation.DESCRIBE, AclOperation.READ));
        // the windows' events, for their change streams (GET /windows/{id}/changes)
        acls.addAll(topic(user, Topics.WINDOW_EVENTS, AclOperation.DESCRIBE, AclOperation.READ));
        // the console: the dead letters, and resubmitting one (to a command topic, with its record, in one
        // transaction of the console's own)
        acls.addAll(topic(user, Topics.DEAD_LETTERS, AclOperation.DESCRIBE, AclOperation.READ));
        acls.addAll(topic(user, Topics.DEAD_LETTER_RESUBMISSIONS, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.READ, AclOperation.WRITE));
        Stream.of(AclOperation.DESCRIBE, AclOperation.WRITE).forEach(operation -> acls.add(allow(user,
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, CONSOLE_TRANSACTIONS, PatternType.PREFIXED),
                operation)));
        return acls;
    }

    /**
     * The stream processor: creates the contract's topics when they are missing and reads their settings (an
     * operator corrects any it reports: it may not change them), reads its inputs, writes its outputs; everything
     * named after its application id (changelogs, group, transactional ids) is its own.
     */
    public static List<AclBinding> processor(final String user, final String applicationId) {
        final List<AclBinding> acls = new ArrayList<>();
        Topics.ALL.forEach(topic -> acls.addAll(topic(user, topic, AclOperation.DESCRIBE, AclOperation.CREATE,
                AclOperation.DESCRIBE_CONFIGS)));
        PROCESSOR_INPUTS.forEach(topic -> acls.addAll(topic(user, topic, AclOperation.READ)));
        PROCESSOR_OUTPUTS.forEach(topic -> acls.addAll(topic(user, topic, AclOperation.WRITE)));
        acls.add(allow(user, new ResourcePattern(ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED),
                AclOperation.ALL));
        acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, applicationId, PatternType.LITERAL),
                AclOperation.READ));
        // the read models run as an application of their own (the processor's StoresAndTopics.readModelsApplicationId)
        acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, applicationId + "-read-models",
                PatternType.LITERAL), AclOperation.READ));
        Stream.of(AclOperation.DESCRIBE, AclOperation.WRITE).forEach(operation -> acls.add(allow(user,
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED),
                operation)));
        return acls;
    }

    /** The auditor: reads the event topics (partitions assigned, no group), nothing else. */
    public static List<AclBinding> auditor(final String user) {
        final List<AclBinding> acls = new ArrayList<>();
        Stream.of(Topics.RESERVATION_EVENTS, Topics.WINDOW_EVENTS, Topics.BUNDLE_EVENTS).forEach(topic ->
                acls.addAll(topic(user, topic, AclOperation.DESCRIBE, AclOperation.READ)));
        return acls;
    }

    private static List<AclBinding> topic(final String user, final TopicSpec<?, ?> topic,
                                          final AclOperation... operations) {
        final ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic.name(), PatternType.LITERAL);
        return Stream.of(operations).map(operation -> allow(user, pattern, operation)).toList();
    }

    private static AclBinding allow(final String user, final ResourcePattern pattern, final AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
