package io.reservations.processor.query;

import io.reservations.processor.domain.Slot;
import java.util.function.Predicate;

/** Which resources a listing wants: of one type (null: any), available or held (null: either). */
public record ResourceFilter(String type, Boolean available) implements Predicate<Slot> {

    @Override
    public boolean test(final Slot slot) {
        return (type == null || type.equals(slot.type())) && (available == null || available == slot.available());
    }
}
