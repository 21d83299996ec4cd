package io.reservations.api.console.rates;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeyRatesTest {

    @Test
    void shouldReportPerSecondRatesOverTheLastIntervalAndNoneForMetersThisProcessLacks() {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final Counter succeeded = meters.counter("reservations.select_resource.outcomes", "code", "succeeded");
        final Counter refused = meters.counter("reservations.select_resource.outcomes", "code", "no-resource-available");
        final Timer published = meters.timer("reservations.api.command.publish");
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T00:00:00Z"));
        final Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(final java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        try (KeyRates rates = new KeyRates(meters, clock, Duration.ofHours(1))) {
            assertThat(rates.current().rates()).as("before an interval ended").isEmpty();
            succeeded.increment(30);
            refused.increment(10);
            published.record(Duration.ofMillis(1));
            published.record(Duration.ofMillis(1));
            now.set(now.get().plusSeconds(4));

            rates.advance();

            assertThat(rates.current().intervalSeconds()).isEqualTo(4.0);
            assertThat(rates.current().rates()).anySatisfy(rate -> {
                assertThat(rate.label()).isEqualTo("select-resource outcomes");
                assertThat(rate.perSecond()).as("summed over the tags").isEqualTo(10.0);
            }).anySatisfy(rate -> {
                assertThat(rate.label()).isEqualTo("commands published");
                assertThat(rate.perSecond()).as("a timer's count").isEqualTo(0.5);
            }).anySatisfy(rate -> {
                assertThat(rate.label()).isEqualTo("dead letters");
                assertThat(rate.perSecond()).as("not a meter of this process").isNull();
            });
        }
    }
}
