package io.reservations.api.quotas;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.commands.CommandReads;
import io.reservations.api.commands.CommandRequest;
import io.reservations.api.commands.CommandResults;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The owners' quotas, checked before a command that would add to one is published: 409 {@code quota-exceeded}
 * once the owner keeps as much as the limit of their roles allows ({@link QuotaLimits}). The counts come from the
 * read models ({@link OwnerUsages}), so no hop is added to the command; they trail it by the owner index's lag,
 * by which a burst can pass the limit (README: Quotas). A retry of a command already accepted (same
 * Idempotency-Key) is not refused: it gets its first outcome, as any retry does.
 */
@Component
public class Quotas {

    private final QuotaLimits limits;
    private final OwnerUsages usages;
    private final ObjectProvider<CommandResults> results;
    private final CommandReads reads;

    /** @param results this instance's accepted commands: none where no API runs (which accepts no command) */
    public Quotas(final ReservationsProperties properties, final OwnerUsages usages,
                  final ObjectProvider<CommandResults> results, final CommandReads reads) {
        this.limits = properties.api().quotas();
        this.usages = usages;
        this.results = results;
        this.reads = reads;
    }

    /** Admits one more of {@code quota} for the request's caller, or throws 409 {@code quota-exceeded}. */
    public void admit(final Quota quota, final CommandRequest request) {
        if (!limits.enabled()) {
            return;
        }
        final long limit = limits.limitOf(quota, Caller.currentRoles());
        if (limit < 0 || usages.admit(request.caller().subject(), quota, limit) || isRetry(request)) {
            return;
        }
        throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "The caller keeps " + limit + " " + quota.description()
                + ", as many as its quota allows");
    }

    /** Whether a command with this request's id was accepted already: here, or by any instance (its status). */
    private boolean isRetry(final CommandRequest request) {
        if (request.idempotencyKey() == null) {
            return false;
        }
        final CommandResults here = results.getIfAvailable();
        if (here != null && here.accepted(request.commandId()) != null) {
            return true;
        }
        try {
            return reads.status(new ReadRequest("/commands/" + request.commandId(), false, request.authorization()),
                    request.commandId(), request.caller()).getStatusCode().is2xxSuccessful();
        } catch (final ApiException unknownOrUnavailable) {
            return false;
        }
    }
}
