-- The console's own record of each alarm, next to the engine's snapshot (handling_state, V102), so a restart keeps
-- what the engine does not: the page version (stale-page detection), when it was first taken, when police were
-- dispatched and who closed it. Written in the same transaction as the account's snapshot. Numbered V105 to leave
-- V103/V104 to work in progress elsewhere.
CREATE TABLE console_alarm (
    alarm_id      VARCHAR(64) PRIMARY KEY,
    account_id    VARCHAR(64) NOT NULL,
    version       BIGINT      NOT NULL,
    taken_at      TIMESTAMPTZ,
    dispatched_at TIMESTAMPTZ,
    closed_by     VARCHAR(64),
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX console_alarm_account ON console_alarm (account_id);

-- Where a duress signal goes (issue 4, seed 000): offered to the police like a hold-up, or to the ARC and the
-- keyholders only (the default: UK police policy bars duress codes for police calls, as the panel's duress.route).
ALTER TABLE console_account_profile
    ADD COLUMN duress_route VARCHAR(20) NOT NULL DEFAULT 'ARC_AND_KEYHOLDERS' CHECK (duress_route IN ('POLICE', 'ARC_AND_KEYHOLDERS'));
