package io.reservations.topics;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One broker for every integration test class of a test run ({@code @ExtendWith(SharedKafkaBroker.class)}, then a
 * {@link KafkaTestBroker} parameter on a test or {@code @BeforeAll} method). Started by the first class, stopped
 * when the run ends; before each class it deletes the topics and groups of the classes before, so a class starts
 * as on a fresh broker: the contract's topic names are fixed, and a processor of another application id would
 * otherwise replay an earlier class's commands.
 */
public final class SharedKafkaBroker implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedKafkaBroker.class);

    @Override
    public void beforeAll(final ExtensionContext context) {
        broker(context).forgetEarlierClasses();
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestBroker.class;
    }

    @Override
    public KafkaTestBroker resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        return broker(context);
    }

    private static KafkaTestBroker broker(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> new Running(KafkaTestBroker.start()), Running.class).broker();
    }

    /** The run's broker, closed by JUnit with the root context at the end of the run. */
    private record Running(KafkaTestBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
