package io.reservations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void shouldAcceptLettersDigitsAndTheFourMarksUpTo128Characters() {
        assertThat(Ids.isValid("r-1_a.b:C9")).isTrue();
        assertThat(Ids.isValid("x".repeat(128))).isTrue();
        assertThat(Ids.require("reservation_id", "r1")).isEqualTo("r1");
    }

    @Test
    void shouldRefuseEmptyTooLongAndAnyOtherCharacter() {
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid("x".repeat(129))).isFalse();
        for (final String bad : new String[] {"a b", "a|b", "a/b", "é", "a~", "a\u0000", "a+b", "\uff41"}) {
            assertThat(Ids.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void shouldNameTheFieldAndTheAbbreviatedValueWhenRefusing() {
        assertThatThrownBy(() -> Ids.require("command_id", "a|" + "x".repeat(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("command_id must be 1 to 128 letters")
                .hasMessageEndingWith("x".repeat(38) + "...'");
        assertThatThrownBy(() -> Ids.require("command_id", null)).hasMessage("command_id is required");
    }
}
