-- What the console keeps per account beyond the receiver's account record (ARC I, table account):
-- the handling profile an ARC administrator edits. Keyed by the account number as the receiver stores it.
CREATE TABLE console_account_profile (
    account_number  VARCHAR(64) PRIMARY KEY,
    schedules       TEXT    NOT NULL DEFAULT '',   -- one "Mon-Fri 18:00 07:30" per line
    keyholders      TEXT    NOT NULL DEFAULT '',   -- one "name; phone" per line, in call order
    urn_intruder    VARCHAR(40),
    urn_hold_up     VARCHAR(40),
    police_withdrawn BOOLEAN NOT NULL DEFAULT FALSE,
    response_plan   VARCHAR(4000) NOT NULL DEFAULT '',
    version         BIGINT  NOT NULL DEFAULT 1
);
