package io.reservations.api.kafka;

import org.springframework.context.SmartLifecycle;

/** A Spring-managed {@link TopicFollower}: opened at start, closed at stop. */
public abstract class FollowingReader implements SmartLifecycle {

    private TopicFollower follower;

    /** The follower to run, started. */
    protected abstract TopicFollower open();

    @Override
    public final void start() {
        follower = open();
    }

    @Override
    public final void stop() {
        if (follower != null) {
            follower.close();
        }
    }

    @Override
    public final boolean isRunning() {
        return follower != null && follower.running();
    }
}
