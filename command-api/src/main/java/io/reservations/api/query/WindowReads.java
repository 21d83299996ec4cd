package io.reservations.api.query;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.WindowResource;
import io.reservations.queries.ResourceFilter;
import io.reservations.queries.Routing;
import io.reservations.queries.WindowSlice;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Reads of windows for the controllers, each from the store of the window's master. */
@Component
public class WindowReads {

    private static final NotFound NO_WINDOW = new NotFound(ErrorCode.WINDOW_NOT_FOUND, "No window has this id");

    private final EntityReader reader;
    private final int partitions;

    public WindowReads(final EntityReader reader, final ReservationsProperties properties) {
        this.reader = reader;
        this.partitions = properties.kafka().partitions();
    }

    /**
     * Who holds a resource is shown to admins and to the holding reservation's owner only. The window's version, as
     * a weak {@code ETag}, tells which of its events the answer shows (the change stream starts after them).
     */
    public ResponseEntity<?> window(final ReadRequest request, final String id, final Caller caller) {
        return reader.read(request, id, queries -> queries.window(id, caller::maySee), NO_WINDOW,
                found -> ResponseEntity.ok().eTag(WindowVersions.etag(found.version())).body(found.window()));
    }

    /** One page of every window, partition by partition of the windows' store. */
    public ResponseEntity<?> windows(final ReadRequest request, final PartitionWalk walk, final int size,
                                     final String scope) {
        return reader.readPartition(request, Routing.ENTITY, walk.partition(), queries -> {
            final WindowSlice slice = queries.windows(walk.from(), size);
            return Optional.of(walk.page(slice.items(), slice.next(), scope, partitions));
        });
    }

    public ResponseEntity<?> availability(final ReadRequest request, final String id) {
        return reader.read(request, id, queries -> queries.availability(id), NO_WINDOW);
    }

    /** One page of a window's resources in declared order. */
    public ResponseEntity<?> resources(final ReadRequest request, final String id, final ResourcePage page,
                                       final Caller caller) {
        final ResourceFilter filter = new ResourceFilter(page.type(), page.available());
        return reader.read(request, id, queries -> queries.resources(id, filter, page.from(), page.size(), caller::maySee)
                .map(slice -> new Page<WindowResource>(slice.items(), slice.next().isPresent()
                        ? PageTokens.issue(page.scope(), slice.next().getAsInt()) : null)), NO_WINDOW);
    }

    /**
     * Which resources a page of them holds.
     *
     * @param type      only resources of this type; null for all
     * @param available only available (true) or taken (false) ones; null for both
     * @param from      the position in declared order where the page starts
     * @param scope     what the page's token is bound to (PageTokens)
     */
    public record ResourcePage(String type, Boolean available, int from, int size, String scope) {
    }
}
