-- The ARC II engine's state per account (org.vigil.arc.handling.AccountState), written by the console's shell after
-- every change so open alarms, running filters, tasks and police false-alarm counts survive a restart.
-- state: Java serialization of AccountState; last_signal_id: the newest store signal the state has seen (signals
-- after it are replayed from table signal at start).
CREATE TABLE handling_state (
    account_id      VARCHAR(64) PRIMARY KEY,   -- the account number the engine keys by
    state           BYTEA       NOT NULL,
    last_signal_id  BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL
);
