package io.reservations.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.ErrorCode;
import io.reservations.topics.Json;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/** problem+json, the same members whether Spring MVC or a filter answers. */
class ProblemsTest {

    @Test
    void shouldWriteAFiltersProblemWithTheContractsMembers() throws Exception {
        final MockHttpServletResponse response = new MockHttpServletResponse();

        Problems.write(response, ErrorCode.RATE_LIMITED, "Slow down \"now\"; retry after 2 s");

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        final JsonNode body = Json.mapper().readTree(response.getContentAsByteArray());
        assertThat(body.get("type").asString()).isEqualTo("about:blank");
        assertThat(body.get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("detail").asString()).isEqualTo("Slow down \"now\"; retry after 2 s");
        assertThat(body.get("code").asString()).isEqualTo("rate-limited");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void shouldAskForABearerTokenWhenUnauthenticated() throws Exception {
        final MockHttpServletResponse response = new MockHttpServletResponse();

        Problems.write(response, ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.description());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void shouldAnswerAnApiExceptionWithItsStatusCodeAndRetryAfter() {
        final ResponseEntity<Object> response = Problems.entity(ApiException.unavailable("Kafka is away"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        final ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getDetail()).isEqualTo("Kafka is away");
        assertThat(problem.getProperties()).containsEntry("code", "unavailable");
    }
}
