package io.reservations.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.tools.consumer.ConsoleConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Kafka's own kafka-console-consumer, shipped inside this tool so no Kafka distribution is needed. */
@Command(name = "console-consumer", description = "Run kafka-console-consumer with the given arguments.")
final class ConsoleConsumerCommand implements Callable<Integer> {

    /** Everything after the subcommand goes to the Kafka tool untouched. */
    @Unmatched
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ConsoleConsumer.run(new org.apache.kafka.tools.consumer.ConsoleConsumerOptions(arguments.toArray(String[]::new)));
        return 0;
    }
}
