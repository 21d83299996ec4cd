package io.reservations.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.CommandResult;
import io.reservations.contract.ErrorCode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A command's result as the contract answers it: the entity, or the rejection's problem with its own status. */
class CommandAnswersTest {

    private static final List<ErrorCode> REJECTIONS = List.of(ErrorCode.WINDOW_EXISTS, ErrorCode.RESERVATION_EXISTS,
            ErrorCode.RESERVATION_NOT_FOUND, ErrorCode.WINDOW_NOT_FOUND, ErrorCode.NO_RESOURCE_AVAILABLE,
            ErrorCode.RESERVATION_CANCELLED, ErrorCode.ALREADY_CONFIRMED, ErrorCode.SELECTION_IN_PROGRESS,
            ErrorCode.SELECTION_TIMEOUT, ErrorCode.HOLD_EXPIRED, ErrorCode.NOT_HELD, ErrorCode.INVALID);

    @Test
    void shouldAnswerSuccessWithTheEntityAndItsLocation() {
        final ResponseEntity<Object> answer = CommandAnswers.answer(CommandResult.succeeded("c1", null),
                HttpStatus.CREATED, URI.create("/windows/w1"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getHeaders().getLocation()).isEqualTo(URI.create("/windows/w1"));
    }

    @Test
    void shouldDescribeEveryRejectionOfTheContractWithItsOwnStatus() {
        for (final ErrorCode code : REJECTIONS) {
            final ResponseEntity<Object> answer = CommandAnswers.answer(CommandResult.rejected("c2", code.slug()),
                    HttpStatus.OK, null);

            assertThat(answer.getStatusCode().value()).as(code.slug()).isEqualTo(code.httpStatus());
            final ProblemDetail problem = (ProblemDetail) answer.getBody();
            assertThat(problem.getProperties()).as(code.slug()).containsEntry("code", code.slug());
            assertThat(problem.getDetail()).as(code.slug()).isEqualTo(code.description());
        }
    }

    @Test
    void shouldAnswer409ForACodeThisVersionDoesNotKnow() {
        final ResponseEntity<Object> answer = CommandAnswers.answer(CommandResult.rejected("c3", "bundle-rejected"),
                HttpStatus.OK, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "bundle-rejected");
    }
}
