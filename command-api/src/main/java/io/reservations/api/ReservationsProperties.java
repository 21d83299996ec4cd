package io.reservations.api;

import io.reservations.api.quotas.QuotaLimits;
import io.reservations.api.security.RateLimit;
import io.reservations.topics.KafkaClientSecurity;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the service is configured with ({@code reservations.*}; environment variables map by Spring's
 * relaxed binding, e.g. {@code RESERVATIONS_PROCESSOR_ENABLED=false}).
 *
 * @param dataDir where the local broker and the processor's stores keep their data
 */
@ConfigurationProperties("reservations")
public record ReservationsProperties(@DefaultValue("data") Path dataDir,
                                     @DefaultValue Kafka kafka,
                                     @DefaultValue Api api,
                                     @DefaultValue Processor processor,
                                     @DefaultValue Security security) {

    /**
     * @param bootstrapServers the cluster to join; blank starts the local single-node broker
     * @param localPort        client port of the local broker (its controller uses the next one)
     * @param correctTopicDrift whether existing topics whose settings differ from the contract's are changed, or
     *                          only reported (see TopicSettings)
     */
    public record Kafka(@DefaultValue("") String bootstrapServers,
                        @DefaultValue("9092") int localPort,
                        @DefaultValue("12") int partitions,
                        @DefaultValue("0") int replicationFactor,
                        @DefaultValue("true") boolean correctTopicDrift,
                        @DefaultValue ClientSecurity security) {

        public boolean local() {
            return bootstrapServers == null || bootstrapServers.isBlank();
        }
    }

    /** Client security of every Kafka client of this instance; see {@link KafkaClientSecurity}. */
    public record ClientSecurity(@DefaultValue("PLAINTEXT") String protocol,
                                 @DefaultValue("SCRAM-SHA-512") String saslMechanism,
                                 @DefaultValue("") String username,
                                 @DefaultValue("") String password,
                                 @DefaultValue("") String truststoreLocation,
                                 @DefaultValue("") String truststorePassword,
                                 @DefaultValue("") String truststoreType) {

        public KafkaClientSecurity toClientSecurity() {
            return new KafkaClientSecurity(protocol, saslMechanism, username, password, truststoreLocation,
                    truststorePassword, truststoreType);
        }

        @Override
        public String toString() {
            return toClientSecurity().toString();
        }
    }

    /**
     * @param defaultWait     how long a command POST waits for its result before answering 202
     * @param maxWait         the largest {@code wait_ms} a client may ask for
     * @param maxBody         the largest request body accepted
     * @param maxWindowBody   the largest body of {@code POST /windows} (DESIGN.md: 1 MiB, for 10,000 resources)
     * @param resultCacheSize  how many accepted commands each instance remembers
     * @param resultCacheBytes about how much heap the recent results of each instance may take
     * @param readFrom        base URLs of processor instances (comma-separated), for reads when this instance runs
     *                        no processor; a read passes over instances that are down
     * @param rateLimit       requests per caller
     * @param quotas          how much one owner may keep at a time
     */
    public record Api(@DefaultValue("true") boolean enabled,
                      @DefaultValue("10s") Duration defaultWait,
                      @DefaultValue("60s") Duration maxWait,
                      @DefaultValue("64KB") DataSize maxBody,
                      @DefaultValue("1MB") DataSize maxWindowBody,
                      @DefaultValue("100000") int resultCacheSize,
                      @DefaultValue("64MB") DataSize resultCacheBytes,
                      @DefaultValue("") String readFrom,
                      @DefaultValue RateLimit rateLimit,
                      @DefaultValue QuotaLimits quotas) {
    }

    /**
     * Bearer-token authentication of the API.
     *
     * @param enabled           off only for experiments: every request is then allowed (a warning is logged at start)
     * @param issuer            the expected {@code iss} claim: required with an external identity provider; the
     *                          local key's own issuer otherwise
     * @param audience          an {@code aud} the token must name: required with an external identity provider;
     *                          the local key's own audience otherwise
     * @param jwkSetUri         the identity provider's JWK set; or
     * @param publicKeyLocation a PEM RSA public key file; with neither, a local key pair is used (and created) under
     *                          {@code localKeyDir}, and an admin token is printed at start
     * @param localKeyDir       where the local key pair lives (default: {@code <data-dir>/jwt})
     */
    public record Security(@DefaultValue("true") boolean enabled,
                           @DefaultValue("") String issuer,
                           @DefaultValue("") String audience,
                           @DefaultValue("") String jwkSetUri,
                           @DefaultValue("") String publicKeyLocation,
                           Path localKeyDir,
                           @DefaultValue("8h") Duration adminTokenTtl) {

        public Security {
            // a token of another issuer or for another service must never be accepted here: no default for them
            if (enabled && !(jwkSetUri.isBlank() && publicKeyLocation.isBlank())
                    && (issuer.isBlank() || audience.isBlank())) {
                throw new IllegalArgumentException("With an external identity provider (reservations.security."
                        + "jwk-set-uri or public-key-location) set reservations.security.issuer and "
                        + "reservations.security.audience too");
            }
        }

        public boolean localKey() {
            return jwkSetUri.isBlank() && publicKeyLocation.isBlank();
        }
    }

    public Path localKeyDir() {
        return security.localKeyDir() != null ? security.localKeyDir() : dataDir.resolve("jwt");
    }

    /**
     * @param advertisedHost   host name other instances reach this one at, for routed reads
     * @param selectionTimeout how long a selection waits for its window's answer before it is rejected (selection-timeout)
     */
    public record Processor(@DefaultValue("true") boolean enabled,
                            @DefaultValue("reservation-processor") String applicationId,
                            @DefaultValue("10ms") Duration commitInterval,
                            @DefaultValue("24h") Duration commandRetention,
                            @DefaultValue("0") int standbyReplicas,
                            @DefaultValue("1") int streamThreads,
                            @DefaultValue("") String instanceId,
                            @DefaultValue("10s") Duration sessionTimeout,
                            @DefaultValue("localhost") String advertisedHost,
                            @DefaultValue("30s") Duration selectionTimeout) {
    }
}
