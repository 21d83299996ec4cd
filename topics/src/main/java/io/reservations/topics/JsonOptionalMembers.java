package io.reservations.topics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The optional members of the contract's records, left out rather than written as null, so that a record without
 * them reads as it did before they existed. {@link Json} applies them.
 */
final class JsonOptionalMembers {

    private JsonOptionalMembers() {
    }

    /**
     * {@code hold_expires_at} only while a reservation is HELD, {@code waitlist_position} only while it is WAITLISTED:
     * a reservation without either reads as before.
     */
    interface ReservationMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant holdExpiresAt();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer waitlistPosition();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String bundleId();
    }

    /** {@code hold_expires_at} only while HELD, {@code code} and {@code failed_reservation_id} only once REJECTED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface BundleMixIn {
    }

    /** {@code selected_resource} only once the item holds one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface BundleItemMixIn {
    }

    /** {@code hold_for} only on a bundle that asked for one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface BundleStartedMixIn {
    }

    /** {@code from_waitlist} only on a promotion from the line: an ordinary allocation reads as before. */
    interface ResourceAllocatedMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean fromWaitlist();
    }

    /** {@code hold_for}, {@code waitlist} and {@code waitlist_for} only on a selection that asked for them. */
    interface SelectionStartedMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String holdFor();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean waitlist();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String waitlistFor();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String bundleId();
    }

    /** Optional members ({@code code?}, {@code entity?}, {@code request_hash}, unused forward data) are left out, not null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface NonNullMixIn {
    }
}
