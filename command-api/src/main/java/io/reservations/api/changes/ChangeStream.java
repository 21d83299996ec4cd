package io.reservations.api.changes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One client's stream of one window's changes. Events are queued by the reader of {@code window.events} and sent
 * by a shared pool, one send at a time per stream, so no stream holds a thread while it waits and a slow client
 * slows no other: once {@link #CAPACITY} events wait for it, it gets {@code event: dropped} and is closed.
 */
final class ChangeStream {

    static final int CAPACITY = 1_000;

    private final WindowEventView view;
    private final int partition;
    private final Instant expiresAt;
    private final SseEmitter emitter;
    private final Executor senders;
    private final Queue<SseEventBuilder> waiting = new ArrayDeque<>();
    private boolean sending;
    private boolean closing;
    /** The next offset of the partition this stream takes, and the version of the window the client has. */
    private ChangeCursor cursor;

    ChangeStream(final WindowEventView view, final int partition, final ChangeCursor from, final Instant expiresAt,
                 final SseEmitter emitter, final Executor senders) {
        this.view = view;
        this.partition = partition;
        this.cursor = from;
        this.expiresAt = expiresAt;
        this.emitter = emitter;
        this.senders = senders;
    }

    String windowId() {
        return view.windowId();
    }

    int partition() {
        return partition;
    }

    /** Only ever read and moved by the reader's thread. */
    ChangeCursor cursor() {
        return cursor;
    }

    /**
     * A record of this stream's partition at {@code offset}: sent when it is this window's and the client lacks it.
     *
     * @param version the window's version with this event, -1 when the record carries none (written before versions
     *                were kept: always sent)
     */
    void offer(final long offset, final String key, final long version, final byte[] value, final String owner) {
        if (offset < cursor.offset()) {
            return; // read again for another stream of the partition
        }
        // the version only tells which events a snapshot showed; past the first event sent, offsets alone do (a
        // processor reset starts versions again, which must not hide what follows from a client that resumes)
        final boolean news = windowId().equals(key) && (version < 0 || version > cursor.version());
        cursor = new ChangeCursor(offset + 1, news ? 0 : cursor.version());
        if (news) {
            view.render(value, owner).ifPresent(event -> enqueue(event.id(cursor.id())));
        }
    }

    void keepAlive(final Instant now) {
        if (now.isAfter(expiresAt)) {
            close(SseEmitter.event().name("expired").data("The token ended; sign in again to go on"));
        } else {
            enqueue(SseEmitter.event().comment("keep-alive"));
        }
    }

    /** Sends {@code last}, then ends the stream. */
    synchronized void close(final SseEventBuilder last) {
        if (!closing) {
            waiting.add(last);
            closing = true;
            scheduleSend();
        }
    }

    synchronized boolean closed() {
        return closing && waiting.isEmpty() && !sending;
    }

    private synchronized void enqueue(final SseEventBuilder event) {
        if (closing) {
            return;
        }
        if (waiting.size() >= CAPACITY) {
            waiting.clear();
            close(SseEmitter.event().name("dropped").data("This client fell too far behind; reconnect with Last-Event-ID"));
            return;
        }
        waiting.add(event);
        scheduleSend();
    }

    private void scheduleSend() {
        if (!sending) {
            sending = true;
            senders.execute(this::sendWaiting);
        }
    }

    private void sendWaiting() {
        while (true) {
            final SseEventBuilder next;
            final boolean last;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
                last = closing && waiting.isEmpty();
            }
            try {
                emitter.send(next);
                if (last) {
                    emitter.complete();
                }
            } catch (final IOException | IllegalStateException gone) {
                synchronized (this) { // the client went away: nothing more to send
                    waiting.clear();
                    closing = true;
                    sending = false;
                }
                return;
            }
        }
    }
}
