package io.reservations.cli;

import io.reservations.topics.KafkaClientSecurity;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The operators' tool. Every subcommand reads topics with {@code read_committed}, as any consumer would. */
@Command(name = "reservations-cli", mixinStandardHelpOptions = true,
        description = "Inspect and repair the reservation service's topics.",
        subcommands = {TraceCommand.class, RebuildCommand.class, DeadLettersCommand.class,
                ConsoleConsumerCommand.class, StreamsResetCommand.class, AclsCommand.class})
public final class ReservationsCli {

    @Option(names = "--bootstrap-server", description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092)")
    String bootstrapServer = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");

    /** Bootstrap servers plus the client security of the environment (KAFKA_SECURITY_PROTOCOL, ...). */
    Map<String, Object> clientConfig() {
        final Map<String, Object> config = new HashMap<>(KafkaClientSecurity.fromEnvironment(System.getenv()).clientConfig());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServer);
        return config;
    }

    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit status, for tests. */
    public static int run(final String... args) {
        return new CommandLine(new ReservationsCli()).execute(args);
    }
}
