package io.reservations.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of a listing: {@code {items, next_page_token?}}; no token on the last page. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextPageToken) {
}
