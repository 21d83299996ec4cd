package io.reservations.api.console.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterShelfTest {

    @Test
    void shouldKeepTheNewestDeadLettersNewestFirstWithTheirResubmissions() {
        final DeadLetterShelf shelf = new DeadLetterShelf(2);
        final Resubmission resubmission = new Resubmission("0@2", "window.commands-1@9", "admin",
                Instant.parse("2026-12-06T01:00:00Z"), true);
        shelf.resubmitted(resubmission); // read before its dead letter: the two topics are read apart

        shelf.deadLettered(deadLetter("0@0"));
        shelf.deadLettered(deadLetter("1@0"));
        shelf.deadLettered(deadLetter("0@2"));

        assertThat(shelf.total()).isEqualTo(3);
        assertThat(shelf.newest(10)).extracting(DeadLetter::position).containsExactly("0@2", "1@0");
        assertThat(shelf.newest(1)).singleElement().extracting(DeadLetter::resubmission).isEqualTo(resubmission);
        assertThat(shelf.at("1@0")).hasValueSatisfying(found -> assertThat(found.resubmission()).isNull());
        assertThat(shelf.at("0@0")).as("no longer kept at hand").isEmpty();
    }

    private static DeadLetter deadLetter(final String position) {
        return new DeadLetter(position, "k", "window.commands", "3@1", "unreadable", "SerializationException",
                "{", Instant.EPOCH, null);
    }
}
