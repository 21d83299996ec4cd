package io.reservations.api.windows;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.commands.CommandAnswers;
import io.reservations.api.commands.CommandRequest;
import io.reservations.api.commands.CommandResponses;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.EntityReader;
import io.reservations.api.query.PageTokens;
import io.reservations.api.query.PartitionWalk;
import io.reservations.api.security.Caller;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.ErrorCode;
import io.reservations.contract.Ids;
import io.reservations.processor.query.EntityQueries;
import io.reservations.processor.query.WindowSlice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/windows")
public class WindowController {

    private final CommandResponses commands;
    private final EntityReader reader;
    private final int partitions;

    public WindowController(final CommandResponses commands, final EntityReader reader,
                            final ReservationsProperties properties) {
        this.commands = commands;
        this.reader = reader;
        this.partitions = properties.kafka().partitions();
    }

    @Operation(summary = "Every window with its resource count and how many are available, in pages")
    @ApiResponse(responseCode = "200", description = "{items: [{id, resource_count, available_count}], next_page_token?}")
    @ApiResponse(responseCode = "400", description = "invalid: limit outside 1 to 500, a page_token not given to this caller")
    @GetMapping
    public ResponseEntity<?> list(@RequestParam(name = "limit", required = false) final Integer limit,
                                  @RequestParam(name = "page_token", required = false) final String pageToken,
                                  final HttpServletRequest request,
                                  @RequestHeader(name = EntityReader.ROUTED_HEADER, required = false) final String routed,
                                  @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final int size = PageTokens.limit(limit);
        final String scope = "windows\n" + Caller.current().subject();
        final PartitionWalk walk = PartitionWalk.at(PageTokens.position(scope, pageToken), partitions);
        final String path = EntityReader.pathAndQuery(request);
        return reader.readPartition(EntityQueries.ROUTING_STORE, walk.partition(), path, routed != null, authorization,
                queries -> {
                    final WindowSlice slice = queries.windows(walk.from(), size);
                    return Optional.of(walk.page(slice.items(), slice.next(), scope, partitions));
                });
    }

    @Operation(summary = "Create a window with its resources")
    @ApiResponse(responseCode = "201", description = "The window, with Location /windows/{id}")
    @ApiResponse(responseCode = "400", description = "invalid: malformed JSON, missing resources, ids outside the allowed form, a resource id twice")
    @ApiResponse(responseCode = "409", description = "window-exists")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public CompletableFuture<ResponseEntity<Object>> create(
            @RequestBody final CreateWindowRequest request, final CommandRequest call) {
        final String windowId = call.entityId(request.id(), "window");
        final String hash = call.requestHash("/windows", new CreateWindowRequest(windowId, request.resources()));
        return commands.submit(new CreateWindow(call.commandId(), windowId, request.resources(), hash,
                        call.caller().subject()), call,
                result -> CommandAnswers.answer(result, HttpStatus.CREATED, URI.create("/windows/" + windowId)));
    }

    @Operation(summary = "Read a window from its master's store")
    @ApiResponse(responseCode = "200", description = "The window")
    @ApiResponse(responseCode = "400", description = "invalid: id outside the allowed form")
    @ApiResponse(responseCode = "404", description = "window-not-found")
    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable final String id,
                                 @RequestHeader(name = EntityReader.ROUTED_HEADER, required = false) final String routed,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        if (!Ids.isValid(id)) {
            throw ApiException.invalid("window id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        final Caller caller = Caller.current();
        // who holds a resource is shown to admins and to the holding reservation's owner only
        return reader.read(id, "/windows/" + id, routed != null, authorization,
                queries -> queries.window(id, caller::maySee),
                ErrorCode.WINDOW_NOT_FOUND.slug(), "No window has this id");
    }
}
