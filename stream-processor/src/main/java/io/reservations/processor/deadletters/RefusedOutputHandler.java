package io.reservations.processor.deadletters;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which input record's step wrote a record Kafka refused, in {@link RefusedOutputs}, and fails the
 * thread: under exactly-once the transaction can only abort. The producer refuses an oversized record itself,
 * before sending it, so the context still names the input record that caused it (the processor keeps its
 * producer's limit at the smallest topic limit for that reason, see TopicProvisioner.Provisioned).
 */
public final class RefusedOutputHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedOutputHandler.class);

    private RefusedOutputs refused;

    @Override
    public void configure(final Map<String, ?> configs) {
        refused = (RefusedOutputs) configs.get(RefusedOutputs.CONFIG);
    }

    @Override
    public ProductionExceptionHandlerResponse handle(final ErrorHandlerContext context,
                                                     final ProducerRecord<byte[], byte[]> record,
                                                     final Exception exception) {
        if (exception instanceof RecordTooLargeException && refused != null
                && refused.refusedBeforeSending(bytes(record.key()) + bytes(record.value()))) {
            remember(context, record.topic(), exception);
        } else if (exception instanceof RecordTooLargeException) {
            LOG.error("A broker refused a record for {} as too large: a topic's max.message.bytes is below what the"
                    + " processor was started with; restart it to adapt, or fix the topic", record.topic());
        }
        return ProductionExceptionHandlerResponse.FAIL;
    }

    @Override
    public ProductionExceptionHandlerResponse handleSerializationException(final ErrorHandlerContext context,
                                                                           final ProducerRecord record,
                                                                           final Exception exception,
                                                                           final SerializationExceptionOrigin origin) {
        remember(context, record.topic(), exception);
        return ProductionExceptionHandlerResponse.FAIL;
    }

    private static long bytes(final byte[] value) {
        return value == null ? 0 : value.length;
    }

    private void remember(final ErrorHandlerContext context, final String output, final Exception exception) {
        if (refused != null && context.topic() != null && context.offset() >= 0) {
            LOG.error("A record for {} written for input {}-{}@{} was refused ({}); that input goes to the dead "
                    + "letters on its next attempt", output, context.topic(), context.partition(), context.offset(),
                    exception.getMessage());
            refused.refused(context.topic(), context.partition(), context.offset());
        }
    }
}
