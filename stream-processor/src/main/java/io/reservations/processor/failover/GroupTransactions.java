package io.reservations.processor.failover;

import java.time.Duration;
import java.util.List;

/** What the watch asks of the cluster about the application's group and transactions, and the one thing it does. */
public interface GroupTransactions extends AutoCloseable {

    /** Transactional ids of the transactions open for longer than {@code age}. */
    List<String> openLongerThan(Duration age) throws Exception;

    /** The client ids of the group's members, as the group coordinator has them now. */
    List<String> memberClients() throws Exception;

    /** Aborts the open transaction of {@code transactionalId}; returns once the coordinator has. */
    void fence(String transactionalId);

    @Override
    void close();
}
