package io.reservations.api.windows;

import io.reservations.api.errors.ApiException;
import io.reservations.api.query.EntityReader;
import io.reservations.api.query.Page;
import io.reservations.api.query.PageTokens;
import io.reservations.api.security.Caller;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.Ids;
import io.reservations.contract.WindowResource;
import io.reservations.processor.query.ResourceFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A window's availability per type, and its resources in pages: read from the window's master, like the window. */
@RestController
@RequestMapping("/windows/{id}")
public class WindowResourcesController {

    private final EntityReader reader;

    public WindowResourcesController(final EntityReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "How many resources of each type the window has, and how many are available")
    @ApiResponse(responseCode = "200", description = "{window_id, types: {\"<type>\": {total, available}}}")
    @ApiResponse(responseCode = "400", description = "invalid: id outside the allowed form")
    @ApiResponse(responseCode = "404", description = "window-not-found")
    @GetMapping("/availability")
    public ResponseEntity<?> availability(@PathVariable final String id, final HttpServletRequest request,
                                          @RequestHeader(name = EntityReader.ROUTED_HEADER, required = false) final String routed,
                                          @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        validId(id);
        return reader.read(id, EntityReader.pathAndQuery(request), routed != null, authorization,
                queries -> queries.availability(id), ErrorCode.WINDOW_NOT_FOUND.slug(), "No window has this id");
    }

    @Operation(summary = "The window's resources in declared order, in pages, by type and availability")
    @ApiResponse(responseCode = "200", description = "{items: [{id, type, available, held_by}], next_page_token?}")
    @ApiResponse(responseCode = "400", description = "invalid: limit outside 1 to 500, available neither true nor false,"
            + " a page_token not given to this caller for this query")
    @ApiResponse(responseCode = "404", description = "window-not-found")
    @GetMapping("/resources")
    public ResponseEntity<?> resources(@PathVariable final String id, final HttpServletRequest request,
                                       @RequestParam(name = "type", required = false) final String type,
                                       @RequestParam(name = "available", required = false) final String available,
                                       @RequestParam(name = "limit", required = false) final Integer limit,
                                       @RequestParam(name = "page_token", required = false) final String pageToken,
                                       @RequestHeader(name = EntityReader.ROUTED_HEADER, required = false) final String routed,
                                       @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        validId(id);
        final Caller caller = Caller.current();
        final ResourceFilter filter = new ResourceFilter(type, availability(available));
        final int size = PageTokens.limit(limit);
        final String scope = String.join("\n", "resources", caller.subject(), id, String.valueOf(type),
                String.valueOf(filter.available()));
        final int from = PageTokens.position(scope, pageToken, 0);
        return reader.read(id, EntityReader.pathAndQuery(request), routed != null, authorization,
                queries -> queries.resources(id, filter, from, size, caller::maySee).map(slice -> new Page<WindowResource>(
                        slice.items(), slice.next().isPresent() ? PageTokens.issue(scope, slice.next().getAsInt()) : null)),
                ErrorCode.WINDOW_NOT_FOUND.slug(), "No window has this id");
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
