package io.reservations.contract;

/** {@code command.results} only ever holds SUCCEEDED or REJECTED; PENDING is what the API shows before that. */
public enum CommandStatus {
    PENDING,
    SUCCEEDED,
    REJECTED
}
