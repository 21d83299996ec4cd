package io.reservations.api.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    @Test
    void shouldGiveBackTheCursorItsIdNames() {
        final ChangeCursor cursor = new ChangeCursor(1_234, 56);

        assertThat(ChangeCursor.parse(cursor.id())).isEqualTo(cursor);
    }

    @Test
    void shouldRefuseAnIdItDidNotSendWith400() {
        for (final String id : new String[] {"", "12", "a-1", "1-b", "-1-2", "1--2", "1-2-3"}) {
            assertThatThrownBy(() -> ChangeCursor.parse(id)).as(id).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status().value()).isEqualTo(400));
        }
    }
}
