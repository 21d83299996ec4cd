package io.reservations.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reservations.contract.BundleEvent;
import io.reservations.contract.BundleItem;
import io.reservations.contract.BundleStatus;
import io.reservations.contract.ReservationStatus;
import io.reservations.processor.domain.BundleDecider;
import io.reservations.processor.domain.BundleState;
import io.reservations.processor.domain.ReservationState;
import io.reservations.topics.TopicReader;
import io.reservations.topics.Topics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The bundles' promise, checked on the folded event topics of a quiet system: every bundle has an outcome (none
 * left SELECTING, none HELD past its end); a REJECTED, EXPIRED or CANCELLED bundle's items are not CONFIRMED, HELD
 * or SELECTING; a CONFIRMED bundle's items got their resources, and are independent from then on. (That their
 * windows agree, all or none, is the auditor's check: {@link SagaInvariants#assertAllocationsConsistent}.)
 */
public final class BundleInvariants {

    private BundleInvariants() {
    }

    /** Asserts the promise; returns how many bundles ended in each status. */
    public static Map<String, Object> assertAllOrNone(final String bootstrap, final SagaInvariants folded) {
        final Map<String, BundleState> bundles = new HashMap<>();
        for (final ConsumerRecord<String, BundleEvent> record : TopicReader.readAll(bootstrap,
                Topics.BUNDLE_EVENTS.name(), Topics.BUNDLE_EVENTS.valueSerde().deserializer())) {
            bundles.put(record.key(), BundleDecider.evolve(bundles.get(record.key()), record.value()));
        }
        for (final BundleState bundle : bundles.values()) {
            assertThat(bundle.status()).as("outcome of bundle %s", bundle.id())
                    .isNotIn(BundleStatus.SELECTING, BundleStatus.HELD);
            for (final BundleItem item : bundle.items()) {
                final ReservationState state = folded.reservations.get(item.reservationId());
                if (bundle.status() == BundleStatus.CONFIRMED) {
                    assertThat(item.selectedResource()).as("resource of %s in %s", item.reservationId(), bundle.id())
                            .isNotNull();
                    assertThat(state.status()).as("%s of confirmed bundle %s", item.reservationId(), bundle.id())
                            .isIn(ReservationStatus.CONFIRMED, ReservationStatus.CANCELLED);
                    continue;
                }
                assertThat(state == null ? null : state.status()).as("%s of %s bundle %s", item.reservationId(),
                        bundle.status(), bundle.id()).isNotIn(ReservationStatus.CONFIRMED, ReservationStatus.HELD,
                        ReservationStatus.SELECTING);
            }
        }
        final Map<String, Object> figures = new LinkedHashMap<>();
        for (final BundleStatus status : BundleStatus.values()) {
            final long count = bundles.values().stream().filter(bundle -> bundle.status() == status).count();
            if (count > 0) {
                figures.put("bundles " + status, count);
            }
        }
        return figures;
    }
}
