package io.reservations.queries;

/** Which resources a listing wants: of one type (null: any), available or held (null: either). */
public record ResourceFilter(String type, Boolean available) {

    public boolean accepts(final String resourceType, final boolean resourceAvailable) {
        return (type == null || type.equals(resourceType)) && (available == null || available == resourceAvailable);
    }
}
