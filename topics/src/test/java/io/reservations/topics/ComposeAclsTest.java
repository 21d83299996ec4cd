package io.reservations.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * The compose cluster grants its users with kafka-acls.sh lines of its own (its topics service runs the broker's
 * image, not ours): they must grant exactly what {@link ApplicationAcls} grants, or a role fails only there.
 */
class ComposeAclsTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Pattern ALL_TOPICS = Pattern.compile("all=\"([^\"]*)\"");

    @Test
    void shouldGrantTheComposeUsersWhatApplicationAclsGrants() throws IOException {
        final Set<AclBinding> expected = new HashSet<>(ApplicationAcls.api("api", "reservation-processor"));
        expected.addAll(ApplicationAcls.processor("processor", "reservation-processor"));
        expected.addAll(ApplicationAcls.auditor("auditor"));

        assertThat(composeGrants()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Set<AclBinding> composeGrants() throws IOException {
        final String file = Files.readString(COMPOSE).replace("\\\n", " ");
        final Matcher all = ALL_TOPICS.matcher(file);
        assertThat(all.find()).as("the topics service's list of all topics").isTrue();
        final String allTopics = all.group(1).replaceAll("\\s+", " ");
        final Set<AclBinding> grants = new HashSet<>();
        for (final String line : file.lines().map(String::strip).filter(line -> line.startsWith("allow ")).toList()) {
            grants.addAll(grants(line.replace("$$all", allTopics).split("\\s+")));
        }
        return grants;
    }

    /** One {@code allow <user> --operation ... --topic|--group|--transactional-id ...} line. */
    private static List<AclBinding> grants(final String[] words) {
        final String principal = "User:" + words[1];
        final List<AclOperation> operations = new ArrayList<>();
        final List<ResourcePattern> resources = new ArrayList<>();
        PatternType patternType = PatternType.LITERAL;
        for (int i = 2; i < words.length; i += 2) {
            final String value = words[i + 1];
            switch (words[i]) {
                case "--operation" -> operations.add(operation(value));
                case "--resource-pattern-type" -> patternType = PatternType.fromString(value.toUpperCase(Locale.ROOT));
                case "--topic" -> resources.add(new ResourcePattern(ResourceType.TOPIC, value, PatternType.LITERAL));
                case "--group" -> resources.add(new ResourcePattern(ResourceType.GROUP, value, PatternType.LITERAL));
                case "--transactional-id" -> resources.add(
                        new ResourcePattern(ResourceType.TRANSACTIONAL_ID, value, PatternType.LITERAL));
                default -> throw new AssertionError("an option this test does not know: " + words[i]);
            }
        }
        final List<AclBinding> grants = new ArrayList<>();
        for (final ResourcePattern resource : resources) {
            final ResourcePattern pattern = new ResourcePattern(resource.resourceType(), resource.name(), patternType);
            operations.forEach(operation -> grants.add(new AclBinding(pattern,
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW))));
        }
        return grants;
    }

    /** kafka-acls.sh's spelling (DescribeConfigs) to the enum's (DESCRIBE_CONFIGS). */
    private static AclOperation operation(final String name) {
        return AclOperation.valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }
}
