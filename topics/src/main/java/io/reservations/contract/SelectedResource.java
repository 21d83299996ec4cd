package io.reservations.contract;

public record SelectedResource(String id, String type) {
}
