package io.reservations.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import io.reservations.contract.ErrorCode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An instance without a processor answers reads through a processor instance, as they came. */
class EntityReaderTest {

    private static final NotFound NO_WINDOW = new NotFound(ErrorCode.WINDOW_NOT_FOUND, "No window has this id");

    /** The path, Authorization and routed header of every request the processor instance answered. */
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private HttpServer processorInstance;

    @BeforeEach
    void startProcessorInstance() throws Exception {
        processorInstance = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        processorInstance.createContext("/", exchange -> {
            answered.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst(EntityReader.ROUTED_HEADER));
            final byte[] body = "{\"id\":\"w1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        processorInstance.start();
    }

    @AfterEach
    void stopProcessorInstance() {
        processorInstance.stop(0);
    }

    @Test
    void shouldPassAReadWithItsQueryAndTokenToAProcessorInstanceAndItsAnswerBack() {
        final EntityReader reader = apiOnly("http://localhost:" + processorInstance.getAddress().getPort() + "/");

        final ResponseEntity<?> answer = reader.read(new ReadRequest("/windows/w1?x=1", false, "Bearer t"), "w1",
                queries -> Optional.of("never read here"), NO_WINDOW);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"w1\"}");
        assertThat(answered).containsExactly("/windows/w1?x=1 Bearer t null");
    }

    @Test
    void shouldAnswer503WhenNoProcessorInstanceIsConfigured() {
        final EntityReader reader = apiOnly("");

        assertThatThrownBy(() -> reader.read(new ReadRequest("/windows/w1", false, "Bearer t"), "w1",
                queries -> Optional.of("never read here"), NO_WINDOW))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(answered).isEmpty();
    }

    private static EntityReader apiOnly(final String readFrom) {
        final ReservationsProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("reservations.api.read-from", readFrom))).bindOrCreate("reservations", ReservationsProperties.class);
        return new EntityReader(new StaticListableBeanFactory().getBeanProvider(LocalPartitions.class), properties,
                new ReadForwarding(properties, false), 8080);
    }
}
