package io.reservations.api.windows;

import io.reservations.api.ReservationsProperties;
import io.reservations.api.commands.CommandAnswers;
import io.reservations.api.commands.CommandRequest;
import io.reservations.api.commands.CommandResponses;
import io.reservations.api.errors.ApiException;
import io.reservations.api.query.PageTokens;
import io.reservations.api.query.PartitionWalk;
import io.reservations.api.query.ReadRequest;
import io.reservations.api.query.WindowReads;
import io.reservations.api.quotas.Quota;
import io.reservations.api.quotas.Quotas;
import io.reservations.api.security.Caller;
import io.reservations.contract.CreateWindow;
import io.reservations.contract.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/windows")
public class WindowController {

    private final CommandResponses commands;
    private final WindowReads reads;
    private final Quotas quotas;
    private final int partitions;

    public WindowController(final CommandResponses commands, final WindowReads reads, final Quotas quotas,
                            final ReservationsProperties properties) {
        this.commands = commands;
        this.quotas = quotas;
        this.reads = reads;
        this.partitions = properties.kafka().partitions();
    }

    @Operation(summary = "Every window with its resource count and how many are available, in pages")
    @ApiResponse(responseCode = "200", description = "{items: [{id, resource_count, available_count}], next_page_token?}")
    @ApiResponse(responseCode = "400", description = "invalid: limit outside 1 to 500, a page_token not given to this caller")
    @GetMapping
    public ResponseEntity<?> list(@RequestParam(name = "limit", required = false) final Integer limit,
                                  @RequestParam(name = "page_token", required = false) final String pageToken,
                                  final ReadRequest request) {
        final int size = PageTokens.limit(limit);
        final String scope = "windows\n" + Caller.current().subject();
        return reads.windows(request, PartitionWalk.at(PageTokens.position(scope, pageToken), partitions), size, scope);
    }

    @Operation(summary = "Create a window with its resources")
    @ApiResponse(responseCode = "201", description = "The window, with Location /windows/{id}")
    @ApiResponse(responseCode = "400", description = "invalid: malformed JSON, missing resources, ids outside the allowed form, a resource id twice")
    @ApiResponse(responseCode = "409", description = "window-exists, quota-exceeded (the caller created as many "
            + "windows as its quota allows)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public CompletableFuture<ResponseEntity<Object>> create(
            @RequestBody final CreateWindowRequest request, final CommandRequest call) {
        quotas.admit(Quota.WINDOWS, call);
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
    public ResponseEntity<?> get(@PathVariable final String id, final ReadRequest request) {
        if (!Ids.isValid(id)) {
            throw ApiException.invalid("window id must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        return reads.window(request, id, Caller.current());
    }
}
