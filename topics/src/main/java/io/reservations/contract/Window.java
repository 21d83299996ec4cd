package io.reservations.contract;

import java.util.List;

public record Window(String id, List<WindowResource> resources) implements EntityView {
}
