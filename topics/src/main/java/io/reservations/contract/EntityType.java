package io.reservations.contract;

public enum EntityType {
    RESERVATION,
    WINDOW,
    BUNDLE
}
