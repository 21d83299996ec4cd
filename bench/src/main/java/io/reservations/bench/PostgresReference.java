package io.reservations.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a user would pick instead: one PostgreSQL ({@link PostgresServer}) doing the same two-entity update as one
 * SQL transaction per saga: lock the reservation, take the first free resource of the window in declared order
 * ({@code FOR UPDATE SKIP LOCKED}), update both, commit.
 */
final class PostgresReference {

    private PostgresReference() {
    }

    /** Sagas per second with {@code clients} connections, or empty where no PostgreSQL server can be started. */
    static Optional<Double> run(final int sagas, final int clients, final int resourcesPerWindow) throws Exception {
        final Optional<PostgresServer> started = PostgresServer.start();
        if (started.isEmpty()) {
            return Optional.empty();
        }
        try (PostgresServer server = started.get()) {
            final String url = server.jdbcUrl();
            final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(load(url, sagas, resourcesPerWindow));
            final ExecutorService pool = Executors.newFixedThreadPool(clients);
            final long start = System.nanoTime();
            final List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> select(url, queue)));
            }
            for (final Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
            return Optional.of(sagas / ((System.nanoTime() - start) / 1e9));
        }
    }

    private static List<String> load(final String url, final int sagas, final int resourcesPerWindow) throws SQLException {
        final List<String> reservations = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE resources (window_id text, position int, id text, type text, held_by text, "
                    + "PRIMARY KEY (window_id, position))");
            ddl.execute("CREATE TABLE reservations (id text PRIMARY KEY, window_id text, status text, resource_id text)");
            db.setAutoCommit(false);
            try (PreparedStatement resource = db.prepareStatement("INSERT INTO resources VALUES (?, ?, ?, 'seat', NULL)");
                 PreparedStatement reservation = db.prepareStatement("INSERT INTO reservations VALUES (?, ?, 'PENDING', NULL)")) {
                for (int i = 0; i < sagas; i++) {
                    final String window = "w" + i / resourcesPerWindow;
                    resource.setString(1, window);
                    resource.setInt(2, i % resourcesPerWindow);
                    resource.setString(3, window + "-" + i % resourcesPerWindow);
                    resource.addBatch();
                    reservation.setString(1, "r" + i);
                    reservation.setString(2, window);
                    reservation.addBatch();
                    reservations.add("r" + i);
                }
                resource.executeBatch();
                reservation.executeBatch();
            }
            db.commit();
        }
        return reservations;
    }

    private static Void select(final String url, final ConcurrentLinkedQueue<String> queue) throws SQLException {
        try (Connection db = DriverManager.getConnection(url);
             PreparedStatement lock = db.prepareStatement("SELECT window_id FROM reservations WHERE id = ? FOR UPDATE");
             PreparedStatement free = db.prepareStatement("SELECT position, id FROM resources WHERE window_id = ? "
                     + "AND type = 'seat' AND held_by IS NULL ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED");
             PreparedStatement hold = db.prepareStatement("UPDATE resources SET held_by = ? WHERE window_id = ? AND position = ?");
             PreparedStatement confirm = db.prepareStatement(
                     "UPDATE reservations SET status = 'CONFIRMED', resource_id = ? WHERE id = ?")) {
            db.setAutoCommit(false);
            String reservation;
            while ((reservation = queue.poll()) != null) {
                lock.setString(1, reservation);
                final String window;
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    window = row.getString(1);
                }
                free.setString(1, window);
                try (ResultSet row = free.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("The PostgreSQL reference never runs out of resources");
                    }
                    hold.setString(1, reservation);
                    hold.setString(2, window);
                    hold.setInt(3, row.getInt(1));
                    hold.executeUpdate();
                    confirm.setString(1, row.getString(2));
                }
                confirm.setString(2, reservation);
                confirm.executeUpdate();
                db.commit();
            }
        }
        return null;
    }
}
