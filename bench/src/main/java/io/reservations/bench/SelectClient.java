package io.reservations.bench;

import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * select-resource over HTTP/1.1 as a service's client would call it: over a bounded pool of kept-alive connections
 * (the JDK's HttpClient opened one per request; docs/PERFORMANCE.md). A request sent while every connection is busy
 * waits for one.
 */
final class SelectClient implements AutoCloseable {

    private final PoolingAsyncClientConnectionManager connections;
    private final CloseableHttpAsyncClient http;
    private final String apiUrl;
    private final String token;

    /** @param maxConnections the connections it may hold open at once */
    SelectClient(final String apiUrl, final String token, final int maxConnections) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections).build();
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                        .setResponseTimeout(Timeout.ofSeconds(30)).build())
                .build();
        http.start();
    }

    String apiUrl() {
        return apiUrl;
    }

    String token() {
        return token;
    }

    /** Selects a seat for the reservation; the future holds the status, or -1 when it failed without an answer. */
    CompletableFuture<Integer> select(final String reservation) {
        final SimpleHttpRequest request = SimpleRequestBuilder.post(apiUrl + "/reservations/" + reservation + "/select-resource")
                .addHeader("Authorization", "Bearer " + token)
                .setBody("{\"resource_type\":\"seat\"}", ContentType.APPLICATION_JSON)
                .build();
        final CompletableFuture<Integer> status = new CompletableFuture<>();
        http.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(final SimpleHttpResponse response) {
                status.complete(response.getCode());
            }

            @Override
            public void failed(final Exception failure) {
                status.complete(-1);
            }

            @Override
            public void cancelled() {
                status.complete(-1);
            }
        });
        return status;
    }

    /** The connections open now, busy or idle. */
    int openConnections() {
        return connections.getTotalStats().getLeased() + connections.getTotalStats().getAvailable();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
