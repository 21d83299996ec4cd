package io.reservations.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** @param requestedBy the caller's subject, to whom alone (with admins) the command's result is shown */
public record CreateWindow(String commandId, String windowId, List<ResourceSpec> resources, String requestHash,
                           String requestedBy) implements WindowCommand {

    /** Bounds the size of one window document, which is read and written whole on every allocation. */
    public static final int MAX_RESOURCES = 10_000;

    public CreateWindow {
        Ids.require("command_id", commandId);
        Ids.require("window_id", windowId);
        resources = List.copyOf(validResources(resources));
    }

    /** At most {@link #MAX_RESOURCES} resources, each present, no id twice. */
    public static List<ResourceSpec> validResources(final List<ResourceSpec> resources) {
        Ids.requirePresent("resources", resources);
        if (resources.size() > MAX_RESOURCES) {
            throw new IllegalArgumentException("a window holds at most " + MAX_RESOURCES + " resources");
        }
        final Set<String> seen = new HashSet<>();
        for (final ResourceSpec resource : resources) {
            Ids.requirePresent("resources[]", resource);
            if (!seen.add(resource.id())) {
                throw new IllegalArgumentException("resource id '" + resource.id() + "' appears twice");
            }
        }
        return resources;
    }

    public CreateWindow(final String commandId, final String windowId, final List<ResourceSpec> resources) {
        this(commandId, windowId, resources, null, null);
    }
}
