-- Operator console (ARC III): operators who log in, and the audit trail of everything they do.
-- Numbered from V100 so it never collides with the receiver/store migrations (V1-V99).
CREATE TABLE console_operator (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('OPERATOR', 'SUPERVISOR', 'ADMINISTRATOR')),
    -- "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>": never the password itself.
    password_hash VARCHAR(200) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL
);

-- Append-only: the console never updates or deletes a row.
CREATE TABLE console_audit (
    id         BIGSERIAL PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL,
    actor      VARCHAR(64)  NOT NULL,
    action     VARCHAR(64)  NOT NULL,
    alarm_id   VARCHAR(64),
    account_id VARCHAR(64),
    outcome    VARCHAR(16)  NOT NULL CHECK (outcome IN ('DONE', 'REFUSED')),
    detail     VARCHAR(2000) NOT NULL DEFAULT ''
);
CREATE INDEX console_audit_alarm ON console_audit (alarm_id, id);
CREATE INDEX console_audit_account ON console_audit (account_id, id);
CREATE INDEX console_audit_at ON console_audit (at);
