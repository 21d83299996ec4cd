package io.reservations.contract;

/** A resource as a window declares it. */
public record ResourceSpec(String id, String type) {

    public ResourceSpec {
        Ids.require("resource.id", id);
        Ids.require("resource.type", type);
    }
}
