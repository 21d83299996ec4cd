package io.reservations.api;

import io.reservations.api.kafka.KafkaConnection;
import io.reservations.api.query.LocalPartitions;
import io.reservations.api.security.LocalSigningKey;
import io.reservations.api.security.TokenIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where everything is. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final ReservationsProperties properties;
    private final KafkaConnection kafka;
    private final ObjectProvider<TokenIssuer> tokens;
    private final ObjectProvider<LocalPartitions> processor;
    private final int port;

    StartupBanner(final ReservationsProperties properties, final KafkaConnection kafka,
                  final ObjectProvider<TokenIssuer> tokens, final ObjectProvider<LocalPartitions> processor,
                  @Value("${server.port:8080}") final int port) {
        this.properties = properties;
        this.kafka = kafka;
        this.tokens = tokens;
        this.processor = processor;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        LOG.info("""

                ==== Reservations service ready ====
                  API        http://localhost:{}   (commands: {})
                  Processor  {}
                  Kafka      {}{}
                  Data       {}
                  Stop with Ctrl-C{}""",
                port, properties.api().enabled() ? "on" : "off",
                processor.getIfAvailable() != null ? "running, stores in " + properties.dataDir().resolve("streams").toAbsolutePath() : "off",
                kafka.bootstrapServers(), kafka.local() ? " (local broker)" : "",
                properties.dataDir().toAbsolutePath(), access());
    }

    /**
     * With the local signing key, an admin token saved under the data directory (0600); the local one-command start
     * (no Kafka configured) also prints it, to be copied. A cluster's instances never print one.
     */
    private String access() {
        final ReservationsProperties.Security security = properties.security();
        if (!security.enabled()) {
            return "\n  Auth       OFF (reservations.security.enabled=false)";
        }
        if (!security.localKey()) {
            return "\n  Auth       bearer tokens from " + (security.jwkSetUri().isBlank() ? security.publicKeyLocation() : security.jwkSetUri());
        }
        final String token = tokens.getObject().admin(security.adminTokenTtl());
        final Path saved = properties.dataDir().resolve("admin-token");
        try {
            Files.createDirectories(saved.getParent());
            Files.deleteIfExists(saved);
            LocalSigningKey.writeFile(saved, (token + "\n").getBytes(StandardCharsets.US_ASCII),
                    PosixFilePermissions.fromString("rw-------"));
        } catch (final IOException e) {
            LOG.warn("Cannot save the admin token under {}: {}", saved, e.toString());
        }
        if (!kafka.local()) {
            return "\n  Admin token in " + saved.toAbsolutePath() + " (valid " + security.adminTokenTtl().toHours() + " hours)";
        }
        return "\n  Admin token (valid " + security.adminTokenTtl().toHours() + " hours, also in " + saved.toAbsolutePath()
                + ", key in " + properties.localKeyDir().toAbsolutePath() + "):"
                + "\n    export TOKEN=" + token
                + "\n  Try:"
                + "\n    curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:" + port + "/windows/w1";
    }
}
