package io.reservations.api.windows;

import io.reservations.contract.CreateWindow;
import io.reservations.contract.Ids;
import io.reservations.contract.ResourceSpec;
import java.util.List;

/** {@code POST /windows}; validated as it is read, so a bad body is a 400 naming the field. */
public record CreateWindowRequest(String id, List<ResourceSpec> resources) {

    public CreateWindowRequest {
        if (id != null) {
            Ids.require("id", id);
        }
        CreateWindow.validResources(resources);
    }
}
