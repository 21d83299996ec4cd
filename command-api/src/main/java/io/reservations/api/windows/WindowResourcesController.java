package io.reservations.api.windows;

import io.reservations.api.errors.ApiException;
import io.reservations.api.query.PageTokens;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.query.WindowReads;
import io.reservations.api.security.Caller;
import io.reservations.contract.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A window's availability per type, and its resources in pages: read from the window's master, like the window. */
@RestController
@RequestMapping("/windows/{id}")
public class WindowResourcesController {

    private final WindowReads reads;

    public WindowResourcesController(final WindowReads reads) {
        this.reads = reads;
    }

    @Operation(summary = "How many resources of each type the window has, and how many are available")
    @ApiResponse(responseCode = "200", description = "{window_id, types: {\"<type>\": {total, available}}}")
    @ApiResponse(responseCode = "400", description = "invalid: id outside the allowed form")
    @ApiResponse(responseCode = "404", description = "window-not-found")
    @GetMapping("/availability")
    public ResponseEntity<?> availability(@PathVariable final String id, final ReadRequest request) {
        validId(id);
        return reads.availability(request, id);
    }

    @Operation(summary = "The window's resources in declared order, in pages, by type and availability")
    @ApiResponse(responseCode = "200", description = "{items: [{id, type, available, held_by}], next_page_token?}")
    @ApiResponse(responseCode = "400", description = "invalid: limit outside 1 to 500, available neither true nor false,"
            + " a page_token not given to this caller for this query")
    @ApiResponse(responseCode = "404", description = "window-not-found")
    @GetMapping("/resources")
    public ResponseEntity<?> resources(@PathVariable final String id,
                                       @RequestParam(name = "type", required = false) final String type,
                                       @RequestParam(name = "available", required = false) final String available,
                                       @RequestParam(name = "limit", required = false) final Integer limit,
                                       @RequestParam(name = "page_token", required = false) final String pageToken,
                                       final ReadRequest request) {
        validId(id);
        final Caller caller = Caller.current();
        final Boolean onlyAvailable = availability(available);
        final String scope = String.join("\n", "resources", caller.subject(), id, String.valueOf(type),
                String.valueOf(onlyAvailable));
        return reads.resources(request, id, new WindowReads.ResourcePage(type, onlyAvailable,
                PageTokens.position(scope, pageToken, 0), PageTokens.limit(limit), scope), caller);
    }

    private static Boolean availability(final String available) {
        if (available == null) {
            return null;
        }
        if (!available.equals("true") && !available.equals("false")) {
            throw ApiException.invalid("available must be true or false");
        }
        return Boolean.valueOf(available);
    }

    private static void validId(final String id) {
        if (!Ids.isValid(id)) {
            throw ApiException.invalid("window id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
    }
}
