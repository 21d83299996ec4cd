package io.reservations.cli;

import io.reservations.topics.DeadLetterHeaders;
import io.reservations.topics.TopicReader;
import io.reservations.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Lists dead-lettered records with their errors, and re-submits one (repaired or not) to its original topic. */
@Command(name = "dead-letters", description = "List dead letters, or re-submit one with --resubmit PARTITION@OFFSET.")
final class DeadLettersCommand implements Callable<Integer> {

    @ParentCommand
    private ReservationsCli cli;

    @Option(names = "--resubmit", paramLabel = "PARTITION@OFFSET", description = "The dead letter to send back to its topic")
    private String resubmit;

    @Option(names = "--value-file", description = "With --resubmit: send this repaired value instead of the original")
    private Path valueFile;

    @Parameters(arity = "0", hidden = true)
    private List<String> ignored;

    @Override
    public Integer call() throws IOException {
        final List<ConsumerRecord<String, byte[]>> deadLetters = TopicReader.readAll(cli.clientConfig(),
                Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.valueSerde().deserializer());
        if (resubmit == null) {
            deadLetters.forEach(record -> System.out.println(record.partition() + "@" + record.offset() + "  " + describe(record)));
            System.out.println(deadLetters.size() + " dead letter(s).");
            return 0;
        }
        final String[] position = resubmit.split("@");
        final ConsumerRecord<String, byte[]> dead = deadLetters.stream()
                .filter(record -> record.partition() == Integer.parseInt(position[0])
                        && record.offset() == Long.parseLong(position[1]))
                .findFirst().orElse(null);
        if (dead == null) {
            System.err.println("No dead letter at " + resubmit);
            return 2;
        }
        final String topic = header(dead, DeadLetterHeaders.TOPIC);
        final byte[] value = valueFile == null ? dead.value() : Files.readAllBytes(valueFile);
        final RecordHeaders headers = new RecordHeaders();
        for (final Header header : dead.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
        final Map<String, Object> config = new HashMap<>(cli.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, dead.key(), value, headers)).get();
        } catch (final Exception e) {
            System.err.println("Could not re-submit: " + e.getMessage());
            return 1;
        }
        System.out.println("Re-submitted " + resubmit + " to " + topic + " with key " + dead.key());
        return 0;
    }

    static String describe(final ConsumerRecord<String, byte[]> record) {
        final String value = record.value() == null ? "<null>" : new String(record.value(), StandardCharsets.UTF_8);
        return "key=" + record.key() + " from " + header(record, DeadLetterHeaders.TOPIC) + "["
                + header(record, DeadLetterHeaders.PARTITION) + "@" + header(record, DeadLetterHeaders.OFFSET) + "]"
                + " error=\"" + header(record, DeadLetterHeaders.ERROR) + "\" value=" + abbreviate(value);
    }

    private static String header(final ConsumerRecord<String, byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(final String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "...";
    }
}
