package io.reservations.api.support;

import io.reservations.api.security.TokenIssuer;
import io.reservations.processor.StreamProcessor;
import io.reservations.processor.it.FreePorts;
import io.reservations.service.ProcessorService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One running instance of the service (API and processor unless configured otherwise), as a user runs it. */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private ServiceInstance(final ConfigurableApplicationContext context, final int port) {
        this.context = context;
        this.port = port;
    }

    /**
     * @param bootstrapServers the broker to join
     * @param dataDir          the instance's own data directory (its stores)
     */
    public static ServiceInstance start(final String bootstrapServers, final Path dataDir, final String applicationId,
                                        final Map<String, Object> extra) {
        return start(ProcessorService.sources(), bootstrapServers, dataDir, applicationId, extra);
    }

    /**
     * @param sources          the application's Spring sources (the local service adds its broker)
     * @param bootstrapServers the broker to join, or "" for the local service's own broker
     * @param dataDir          the instance's own data directory (stores, and the local broker's log)
     */
    public static ServiceInstance start(final Class<?>[] sources, final String bootstrapServers, final Path dataDir,
                                        final String applicationId, final Map<String, Object> extra) {
        final int port = freePort();
        final Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("reservations.kafka.bootstrap-servers", bootstrapServers);
        properties.put("reservations.data-dir", dataDir.toString());
        properties.put("reservations.processor.application-id", applicationId);
        properties.putAll(extra);
        // as command-line arguments: they take precedence over application.yml, as they would for a user
        final String[] args = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        // keep the test's logback configuration (and any capturing appender) instead of Spring re-initialising it
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        final ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                .registerShutdownHook(false)
                .run(args);
        return new ServiceInstance(context, port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A client holding an admin token of this instance's signing key. */
    public HttpJson http() {
        return http(context.getBean(TokenIssuer.class).admin(Duration.ofHours(1)));
    }

    /** A client presenting {@code token} (or none, when null). */
    public HttpJson http(final String token) {
        return new HttpJson(baseUrl(), token);
    }

    public String token(final String subject, final String scopes, final List<String> roles, final Duration ttl) {
        return tokens().issue(subject, scopes, roles, ttl);
    }

    public TokenIssuer tokens() {
        return context.getBean(TokenIssuer.class);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public StreamProcessor processor() {
        return context.getBean(StreamProcessor.class);
    }

    @Override
    public void close() {
        context.close();
    }

    /** A free port whose successor is free too: the local broker's controller listens on port + 1. */
    public static int freePortPair() {
        return FreePorts.takePair();
    }

    public static int freePort() {
        return FreePorts.take();
    }
}
