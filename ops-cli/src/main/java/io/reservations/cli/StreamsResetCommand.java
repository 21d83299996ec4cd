package io.reservations.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.tools.StreamsResetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Kafka's own kafka-streams-application-reset, shipped inside this tool. */
@Command(name = "streams-reset", description = "Run kafka-streams-application-reset with the given arguments.")
final class StreamsResetCommand implements Callable<Integer> {

    /** Everything after the subcommand goes to the Kafka tool untouched. */
    @Unmatched
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        return new StreamsResetter().execute(arguments.toArray(String[]::new));
    }
}
