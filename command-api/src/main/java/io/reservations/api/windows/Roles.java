package io.reservations.api.windows;

import io.reservations.api.commands.CommandGateway;
import io.reservations.api.errors.ApiException;
import io.reservations.contract.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;

/** Commands are accepted only where the API role runs; reads are served by every role. */
public final class Roles {

    private Roles() {
    }

    public static CommandGateway api(final ObjectProvider<CommandGateway> gateway) {
        final CommandGateway available = gateway.getIfAvailable();
        if (available == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "This instance does not accept commands");
        }
        return available;
    }
}
