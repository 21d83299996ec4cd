package io.reservations.processor;

import java.util.concurrent.CountDownLatch;

/** Runs a processor as its own process against {@code KAFKA_BOOTSTRAP_SERVERS}; stops cleanly on SIGTERM/Ctrl-C. */
public final class StreamProcessorMain {

    private StreamProcessorMain() {
    }

    public static void main(final String[] args) throws InterruptedException {
        // named apart from logback.xml so that applications embedding the processor keep their own logging
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "processor-logback.xml");
        }
        final StreamProcessor processor = StreamProcessor.start(ProcessorSettings.fromEnvironment(System.getenv()));
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            processor.close();
            stopped.countDown();
        }, "processor-shutdown"));
        stopped.await();
    }
}
