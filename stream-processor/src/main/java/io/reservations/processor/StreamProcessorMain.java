package io.reservations.processor;

import java.util.concurrent.CountDownLatch;

/** Runs a processor as its own process against {@code KAFKA_BOOTSTRAP_SERVERS}; stops cleanly on SIGTERM/Ctrl-C. */
public final class StreamProcessorMain {

    private StreamProcessorMain() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final StreamProcessor processor = StreamProcessor.start(ProcessorSettings.fromEnvironment(System.getenv()));
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            processor.close();
            stopped.countDown();
        }, "processor-shutdown"));
        stopped.await();
    }
}
