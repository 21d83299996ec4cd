package io.reservations.api.query;

import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Reads of bundles for the controllers: one by id, from its master's store wherever the client connected. */
@Component
public class BundleReads {

    private final EntityReader reader;

    public BundleReads(final EntityReader reader) {
        this.reader = reader;
    }

    /** Another owner's bundle reads as missing: existence does not leak. */
    public ResponseEntity<?> bundle(final ReadRequest request, final String id, final Caller caller) {
        return reader.read(request, id, queries -> queries.bundle(id).filter(found -> caller.maySee(found.owner())),
                new NotFound(ErrorCode.BUNDLE_NOT_FOUND, "No bundle has this id"));
    }
}
