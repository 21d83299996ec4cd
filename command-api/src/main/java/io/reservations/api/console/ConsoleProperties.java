package io.reservations.api.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param auditorUrl       the auditor's base URL where it runs as its own process (e.g. {@code http://auditor:8080});
 *                         blank: the auditor in this process, if any
 * @param deadLettersKept  how many of the newest dead letters an instance keeps at hand to list
 * @param ratesEvery       the sampling interval of the key rates
 */
@ConfigurationProperties("reservations.console")
public record ConsoleProperties(@DefaultValue("") String auditorUrl,
                                @DefaultValue("1000") int deadLettersKept,
                                @DefaultValue("5s") Duration ratesEvery) {
}
