package io.reservations.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.reservations.api.ReservationsProperties;
import io.reservations.api.errors.ApiException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.ResponseEntity;

class ReadForwardingTest {

    /** The Authorization and routed headers of every request the peer answered. */
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private HttpServer peer;

    @BeforeEach
    void startPlainHttpPeer() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        peer.createContext("/", exchange -> {
            answered.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst(EntityReader.ROUTED_HEADER));
            final byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
    }

    @Test
    void shouldForwardToTheOwnerWithTheCallersTokenMarkedRouted() {
        final ResponseEntity<byte[]> answer = forwarding(false).toOwner(owner(), "/windows/w1", "Bearer t");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answered).containsExactly("Bearer t true");
    }

    @Test
    void shouldNeverSendTheTokenInPlainTextWhenThisInstanceServesHttps() {
        // the peer speaks plain HTTP: an instance serving HTTPS fails the handshake and sends no request at all
        assertThatThrownBy(() -> forwarding(true).toOwner(owner(), "/windows/w1", "Bearer t"))
                .isInstanceOf(ApiException.class);
        assertThat(answered).isEmpty();
    }

    private LocalPartitions.Peer owner() {
        return new LocalPartitions.Peer("localhost", peer.getAddress().getPort());
    }

    private static ReadForwarding forwarding(final boolean tls) {
        final ReservationsProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("reservations", ReservationsProperties.class);
        return new ReadForwarding(properties, tls);
    }
}
