package io.reservations.api.bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reservations.contract.BundleItem;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CreateBundleRequestTest {

    private static final CreateBundleRequest.Item A = new CreateBundleRequest.Item("a", "seat");
    private static final CreateBundleRequest.Item B = new CreateBundleRequest.Item("b", "desk");

    @Test
    void shouldTakeTwoToTwentyDistinctItemsAndAHoldFromOneSecondToADay() {
        final CreateBundleRequest request = new CreateBundleRequest(null, List.of(A, B), "PT10M");

        assertThat(request.bundleItems()).containsExactly(new BundleItem("a", "seat"), new BundleItem("b", "desk"));
        assertThat(request.withId("trip").id()).isEqualTo("trip");
        assertThat(new CreateBundleRequest("x", IntStream.range(0, 20)
                .mapToObj(i -> new CreateBundleRequest.Item("r" + i, "seat")).toList(), null).items()).hasSize(20);
    }

    @Test
    void shouldRefuseARequestOutsideTheContractsBounds() {
        assertThatThrownBy(() -> new CreateBundleRequest(null, List.of(A), null)).hasMessageContaining("2 to 20");
        assertThatThrownBy(() -> new CreateBundleRequest(null, null, null)).hasMessageContaining("2 to 20");
        assertThatThrownBy(() -> new CreateBundleRequest(null, IntStream.range(0, 21)
                .mapToObj(i -> new CreateBundleRequest.Item("r" + i, "seat")).toList(), null))
                .hasMessageContaining("2 to 20");
        assertThatThrownBy(() -> new CreateBundleRequest(null, List.of(A, A), null)).hasMessageContaining("once");
        assertThatThrownBy(() -> new CreateBundleRequest(null, List.of(A, B), "PT0S")).hasMessageContaining("hold_for");
        assertThatThrownBy(() -> new CreateBundleRequest("bad id", List.of(A, B), null)).hasMessageContaining("id");
        assertThatThrownBy(() -> new CreateBundleRequest.Item("a", null)).hasMessageContaining("resource_type");
    }
}
