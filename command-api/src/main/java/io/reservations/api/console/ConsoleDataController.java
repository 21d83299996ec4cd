package io.reservations.api.console;

import io.reservations.api.console.ConsoleConfiguration.ConsoleAuditor;
import io.reservations.api.console.audit.AuditorReport;
import io.reservations.api.console.deadletters.DeadLetter;
import io.reservations.api.console.deadletters.DeadLetterShelf;
import io.reservations.api.console.deadletters.Resubmission;
import io.reservations.api.console.deadletters.Resubmitter;
import io.reservations.api.console.rates.KeyRates;
import io.reservations.api.errors.ApiException;
import io.reservations.api.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console shows beside the public API (admins only, as all of {@code /console}; its one action,
 * resubmit, CSRF-protected): the dead letters and resubmitting one, the auditor's findings, the key rates.
 */
@RestController
@ConditionalOnBooleanProperty(name = "reservations.api.enabled", matchIfMissing = true)
@RequestMapping(value = "/console", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsoleDataController {

    private static final int MAX_LISTED = 200;

    private final DeadLetterShelf deadLetters;
    private final Resubmitter resubmitter;
    private final ConsoleAuditor auditor;
    private final KeyRates rates;

    public ConsoleDataController(final DeadLetterShelf deadLetters, final Resubmitter resubmitter,
                                 final ConsoleAuditor auditor, final KeyRates rates) {
        this.deadLetters = deadLetters;
        this.resubmitter = resubmitter;
        this.auditor = auditor;
        this.rates = rates;
    }

    /** The newest dead letters first, each with who resubmitted it and when. */
    @GetMapping("/dead-letters")
    public DeadLetters deadLetters(@RequestParam(defaultValue = "50") final int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LISTED);
        }
        return new DeadLetters(deadLetters.total(), deadLetters.newest(limit));
    }

    /**
     * Sends the dead letter at {@code partition@offset} back to its command topic: as it was, or with the body's
     * {@code value} instead (a repaired record). 404 {@code dead-letter-not-found}, 409 {@code already-resubmitted}
     * or {@code not-resubmittable} (not a command).
     */
    @PostMapping(value = "/dead-letters/{position}/resubmit")
    public Resubmission resubmit(@PathVariable final String position,
                                 @RequestBody(required = false) final ResubmitRequest request) {
        final String[] parts = position.split("@", -1);
        final int partition;
        final long offset;
        try {
            partition = Integer.parseInt(parts[0]);
            offset = Long.parseLong(parts.length == 2 ? parts[1] : "");
        } catch (final NumberFormatException e) {
            throw ApiException.invalid("A dead letter's position is partition@offset, e.g. 3@17: " + position);
        }
        final byte[] repaired = request == null || request.value() == null ? null
                : request.value().getBytes(StandardCharsets.UTF_8);
        return resubmitter.resubmit(partition, offset, repaired, Caller.current().subject());
    }

    @GetMapping("/findings")
    public AuditorReport findings() {
        return auditor.findings().report();
    }

    @GetMapping("/rates")
    public KeyRates.Rates rates() {
        return rates.current();
    }

    /** @param total how many dead letters this instance read (the topic's history); items are the newest */
    public record DeadLetters(long total, List<DeadLetter> items) {
    }

    /** @param value the repaired record to send instead of the original (UTF-8 text, JSON for a command) */
    public record ResubmitRequest(String value) {
    }
}
