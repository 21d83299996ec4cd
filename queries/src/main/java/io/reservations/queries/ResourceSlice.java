package io.reservations.queries;

import io.reservations.contract.WindowResource;
import java.util.List;
import java.util.OptionalInt;

/**
 * One page of a window's resources in declared order, and the declared position the next page starts from (empty
 * when this page reaches the end).
 */
public record ResourceSlice(List<WindowResource> items, OptionalInt next) {
}
