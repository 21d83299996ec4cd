package io.reservations.processor.shard;

import io.reservations.contract.BundleCommand;
import io.reservations.contract.ForwardWrite;
import io.reservations.contract.ReservationCommand;
import io.reservations.contract.WindowCommand;

/** One decoded input record: a client's command for an entity of this partition, or a write a saga step sent. */
sealed interface Input {

    String commandId();

    record ForReservation(ReservationCommand command) implements Input {

        @Override
        public String commandId() {
            return command.commandId();
        }
    }

    record ForWindow(WindowCommand command) implements Input {

        @Override
        public String commandId() {
            return command.commandId();
        }
    }

    record ForBundle(BundleCommand command) implements Input {

        @Override
        public String commandId() {
            return command.commandId();
        }
    }

    /** @param sentAt wall-clock millis when another master sent it, or null when it is applied where it was made */
    record Write(ForwardWrite write, Long sentAt) implements Input {

        @Override
        public String commandId() {
            return write.commandId();
        }
    }
}
