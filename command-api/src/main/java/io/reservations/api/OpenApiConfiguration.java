package io.reservations.api;

import io.reservations.api.commands.CommandRequest;
import io.reservations.api.commands.CommandRequestResolver;
import io.reservations.api.query.ReadRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // resolved from headers and a query parameter (CommandRequestResolver), documented as those below; a read's
        // forwarding headers (ReadRequestResolver) are not for clients
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandRequest.class, ReadRequest.class);
    }

    @Bean
    OpenAPI reservationsOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Reservations")
                .version("1")
                .description("""
                        Windows hold typed resources; reservations select one. Commands are answered with the \
                        entity once processed, or 202 with Location /commands/{command_id} after wait_ms (default \
                        10 s) or at once with 'Prefer: respond-async'. Any POST takes an Idempotency-Key. Errors \
                        are application/problem+json with a 'code' member."""));
    }

    /** The answers every command POST can give, and every read's 503, declared once instead of per endpoint. */
    @Bean
    OpenApiCustomizer sharedResponses() {
        return openApi -> openApi.getPaths().values().forEach(path -> {
            if (path.getPost() != null) {
                shared(path.getPost().getResponses(), Map.of(
                        "202", "Not processed within wait_ms: {command_id, status: PENDING}, Location /commands/{command_id}",
                        "422", "idempotency-key-reused: the Idempotency-Key was used for another request",
                        "413", "payload-too-large: body over 1 MiB for POST /windows, 64 KiB elsewhere",
                        "415", "unsupported-media-type: not application/json",
                        "503", "unavailable: Kafka unreachable; retry (Retry-After)"));
            }
            if (path.getGet() != null) {
                shared(path.getGet().getResponses(), Map.of(
                        "503", "unavailable: partitions are moving or the owning instance is unreachable; retry (Retry-After)"));
            }
        });
    }

    /** The request every command POST reads besides its body ({@link CommandRequestResolver}), declared once. */
    @Bean
    OperationCustomizer commandRequestParameters() {
        return (operation, handler) -> {
            if (Stream.of(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == CommandRequest.class)) {
                operation.addParametersItem(new HeaderParameter().name(CommandRequestResolver.IDEMPOTENCY_KEY)
                        .description("The same key gets the same outcome and no second effect (1 to 128 letters, "
                                + "digits, '-', '_', '.', ':')").schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(CommandRequestResolver.PREFER)
                        .description("'respond-async': answer 202 at once").schema(new StringSchema()));
                operation.addParametersItem(new QueryParameter().name(CommandRequestResolver.WAIT_MS)
                        .description("How long to wait for the result before answering 202 (default 10 s)")
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
            }
            return operation;
        };
    }

    private static void shared(final ApiResponses responses, final Map<String, String> descriptions) {
        descriptions.forEach((code, description) -> responses.putIfAbsent(code, new ApiResponse().description(description)));
    }
}
