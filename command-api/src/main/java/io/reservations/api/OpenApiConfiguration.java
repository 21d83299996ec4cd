package io.reservations.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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
}
