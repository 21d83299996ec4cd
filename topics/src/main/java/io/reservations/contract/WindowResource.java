package io.reservations.contract;

public record WindowResource(String id, String type, boolean available, String heldBy) {
}
