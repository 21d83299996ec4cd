package io.reservations.api.query;

/**
 * What a read takes along when it is forwarded to the instance that owns its partition: the request's path and
 * query, the caller's {@code Authorization} header, and whether it was forwarded once already (so that two
 * instances that disagree about ownership cannot bounce it between them).
 *
 * @param pathAndQuery  the request's path and query string, as the owner is asked
 * @param routed        whether the request carries {@link EntityReader#ROUTED_HEADER}
 * @param authorization the caller's Authorization header, or null
 */
public record ReadRequest(String pathAndQuery, boolean routed, String authorization) {
}
