package io.reservations.api.changes;

import io.reservations.api.errors.ApiException;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.query.WindowReads;
import io.reservations.api.query.WindowVersions;
import io.reservations.api.security.Caller;
import io.reservations.contract.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /windows/{id}/changes}: the window as {@code GET /windows/{id}} shows it ({@code event: snapshot}),
 * then its committed events as they happen, each with an {@code id} to resume from ({@code Last-Event-ID}: no
 * snapshot then, no event missed or sent twice).
 */
@RestController
public class WindowChangesController {

    /** The longest a stream stays open without a token that ends sooner (authentication off). */
    private static final Duration LONGEST = Duration.ofHours(24);

    private final WindowChangeStreams streams;
    private final WindowReads reads;

    public WindowChangesController(final WindowChangeStreams streams, final WindowReads reads) {
        this.streams = streams;
        this.reads = reads;
    }

    @Operation(summary = "The window's changes as they happen (text/event-stream), after a snapshot of it")
    @ApiResponse(responseCode = "200", description = "event: snapshot (the window), then ResourceAllocated, "
            + "ResourceReleased, WaitlistJoined, WaitlistLeft; a comment every 15 s; event: dropped before a client "
            + "too slow to keep up is closed, event: expired when the token ends")
    @ApiResponse(responseCode = "404", description = "window-not-found")
    @ApiResponse(responseCode = "400", description = "invalid: id outside the allowed form, a Last-Event-ID this stream did not send")
    @GetMapping("/windows/{id}/changes")
    public ResponseEntity<?> changes(@PathVariable("id") final String id,
                                     @RequestHeader(name = "Last-Event-ID", required = false) final String lastEventId,
                                     final ReadRequest request) {
        if (!Ids.isValid(id)) {
            throw ApiException.invalid("window id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        final Caller caller = Caller.current();
        final ChangeCursor resumeFrom = lastEventId == null ? null : ChangeCursor.parse(lastEventId);
        // the end first, then the window: every event the window does not show comes at or after that end
        final long end = resumeFrom != null ? -1 : streams.committedEnd(id);
        final ResponseEntity<?> window = reads.window(new ReadRequest("/windows/" + id, false, request.authorization()),
                id, caller);
        if (!window.getStatusCode().is2xxSuccessful()) {
            return window; // a processor instance's answer, passed on as it came (404, 503)
        }
        final Instant expiresAt = Caller.currentTokenExpiry().orElseGet(() -> Instant.now().plus(LONGEST));
        final SseEmitter emitter = new SseEmitter(Math.max(1, Duration.between(Instant.now(), expiresAt)
                .plus(WindowChangeStreams.KEEP_ALIVE.multipliedBy(2)).toMillis()));
        final ChangeCursor from;
        if (resumeFrom != null) {
            from = resumeFrom;
        } else {
            from = new ChangeCursor(end, WindowVersions.of(window.getHeaders().getETag()).orElse(0));
            try {
                emitter.send(SseEmitter.event().name("snapshot").id(from.id()).data(window.getBody(),
                        MediaType.APPLICATION_JSON));
            } catch (final IOException e) {
                throw ApiException.unavailable("The snapshot could not be sent");
            }
        }
        streams.follow(id, caller, from, expiresAt, emitter);
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }
}
