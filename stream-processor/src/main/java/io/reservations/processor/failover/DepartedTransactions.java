package io.reservations.processor.failover;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which open transactions were left by processes that are no longer in the group. Kafka Streams' exactly-once v2
 * names a stream thread's transactional id {@code <application id>-<process id>-<thread index>} and, unless told
 * otherwise, its consumer's client id {@code <application id>-<process id>-StreamThread-<n>-consumer}; the process
 * id is kept in the state directory, so a restarted instance keeps it. A transaction whose process has no member
 * in the group belongs to a process that was killed or frozen past its session: nobody will ever commit it.
 */
public final class DepartedTransactions {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern ANY_PROCESS = Pattern.compile(UUID_PATTERN);

    private final String applicationId;
    private final Pattern transactionalId;

    public DepartedTransactions(final String applicationId) {
        this.applicationId = applicationId;
        this.transactionalId = Pattern.compile(Pattern.quote(applicationId) + "-(" + UUID_PATTERN + ")-\\d+");
    }

    /**
     * The transactional ids among {@code open} that belong to this application and to a process with no member in
     * the group. Nothing when the group, as described, does not hold this very process: a description that misses
     * the one asking is not one to act on.
     *
     * @param open          transactional ids of transactions still open
     * @param memberClients client ids of the group's members
     * @param ownProcess    this instance's process id
     */
    public Set<String> toFence(final Collection<String> open, final Collection<String> memberClients,
                               final UUID ownProcess) {
        final Set<UUID> live = memberClients.stream().map(DepartedTransactions::processIn)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        if (!live.contains(ownProcess)) {
            return Set.of();
        }
        return open.stream().filter(id -> processOf(id).filter(process -> !live.contains(process)).isPresent())
                .collect(Collectors.toSet());
    }

    /** The process a transactional id of this application names, if it is one. */
    Optional<UUID> processOf(final String transactional) {
        final Matcher matcher = transactionalId.matcher(transactional);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    /** The process id in a Kafka Streams client id, if it holds one. */
    public static Optional<UUID> processIn(final String clientId) {
        final Matcher matcher = ANY_PROCESS.matcher(clientId);
        return matcher.find() ? Optional.of(UUID.fromString(matcher.group())) : Optional.empty();
    }

    public String applicationId() {
        return applicationId;
    }
}
