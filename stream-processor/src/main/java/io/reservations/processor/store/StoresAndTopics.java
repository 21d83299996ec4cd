package io.reservations.processor.store;

import io.reservations.topics.OwnerUsage;

/**
 * Every store and internal topic the processor names, in one place. The contract's topics are
 * {@link io.reservations.topics.Topics}; the names below are part of the stored data (state directories,
 * changelog topics {@code <application id>-<store>-changelog}): renaming one loses what it holds.
 */
public final class StoresAndTopics {

    /** The shard masters' application id unless configured otherwise; the read models' is derived from it. */
    public static final String DEFAULT_APPLICATION_ID = "reservation-processor";

    // the shard masters' stores
    /** Reservations by id. */
    public static final String RESERVATIONS = "reservations";
    /** Windows in the indexed layout: headers, slots, positions, free blocks ({@link WindowKeys}). */
    public static final String WINDOW_INDEX = "window-index";
    /** Whole windows as JSON, as release 0.1.0 stored them: read once, migrated, deleted ({@code store.migration}). */
    public static final String WHOLE_WINDOWS = "windows";
    /** Bundles by id. */
    public static final String BUNDLES = "bundles";
    /** Commands seen, by id, for the de-duplication retention. */
    public static final String PROCESSED_COMMANDS = "processed-commands";
    /** Holds' ends by due time; selections' deadlines too, as versions before 2026-12-02 kept them. */
    public static final String TIMERS = "saga-timers";
    /** Marks of one-time work done in a partition (the owner index built over older reservations). */
    public static final String MARKS = "shard-marks";

    // the read models' stores
    /** Every command's result by command id, from {@code command.results}. */
    public static final String COMMAND_STATUS = "command-status";
    /** Reservations by owner ({@code <owner>|<id>}), partitioned by owner: one owner's listing reads one place. */
    public static final String OWNER_INDEX = "reservations-by-owner";
    /** Windows by their creator ({@code <creator>|<window id>}), beside the owner index: the quota of windows. */
    public static final String WINDOWS_BY_CREATOR = "windows-by-creator";

    // the owner-index topic's records: keyed by owner, the entity's id in one of these headers
    public static final String RESERVATION_ID_HEADER = "reservation_id";
    public static final String WINDOW_ID_HEADER = "window_id";

    private StoresAndTopics() {
    }

    /** The read models' application id, beside the shard masters' (whose ACLs and prefix it shares). */
    public static String readModelsApplicationId(final String applicationId) {
        return applicationId + "-read-models";
    }

    /** The topic that carries reservations (and windows, by creator) to their owner's partition of the index. */
    public static String ownerIndexTopic(final String applicationId) {
        return applicationId + "-reservations-by-owner";
    }

    /** The topic the read models publish each owner's usage to: {@link OwnerUsage#topic}. */
    public static String ownerUsageTopic(final String applicationId) {
        return OwnerUsage.topic(applicationId).name();
    }

    /** An owner's key in the index: the owner, or {@code ~} for reservations recorded without one (admins see them). */
    public static String ownerKey(final String owner) {
        return owner == null ? "~" : owner;
    }
}
