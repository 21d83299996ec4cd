package io.reservations.api.changes;

import io.reservations.api.security.Caller;
import io.reservations.topics.Json;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A window's event as one caller may see it: the record's JSON as on {@code window.events}, named by its
 * {@code type}, with {@code reservation_id} shown to admins and to that reservation's owner only (the visibility
 * rule of {@code GET /windows/{id}}'s {@code held_by}).
 */
final class WindowEventView {

    private static final Logger LOG = LoggerFactory.getLogger(WindowEventView.class);
    private static final JsonMapper JSON = Json.mapper();

    private final String windowId;
    private final Caller caller;

    WindowEventView(final String windowId, final Caller caller) {
        this.windowId = windowId;
        this.caller = caller;
    }

    String windowId() {
        return windowId;
    }

    /** @param owner the owner of the reservation the event names, from the record's headers (null: unknown) */
    Optional<SseEventBuilder> render(final byte[] value, final String owner) {
        final JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (final JacksonException e) {
            LOG.warn("Skipping an unreadable record of window {} on its change stream", windowId);
            return Optional.empty();
        }
        if (!(event instanceof ObjectNode fields) || !fields.path("type").isString()) {
            return Optional.empty();
        }
        if (fields.hasNonNull("reservation_id") && !caller.maySee(owner)) {
            fields.putNull("reservation_id");
        }
        return Optional.of(SseEmitter.event().name(fields.get("type").asString())
                .data(JSON.writeValueAsString(fields), MediaType.APPLICATION_JSON));
    }
}
