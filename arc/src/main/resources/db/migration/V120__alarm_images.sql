-- Images for visual confirmation (BS 8243 5.3.1, 7.2.1), fetched by the ARC from the link in a signal's
-- DC-09 [V] extended data (org.vigil.arc.images). One image_fetch row per [V] link of a stored signal
-- (what was asked, how it went, shown to the operator); one alarm_image row per image kept; one
-- image_view row per image and operator who viewed it. See docs/arc-handling.md "Images".
CREATE TABLE image_fetch (
    id              BIGSERIAL   PRIMARY KEY,
    signal_id       BIGINT      NOT NULL,               -- signal.id of the frame that carried the link
    account_number  TEXT        NOT NULL,               -- the account the console keys alarms by
    link            TEXT        NOT NULL,               -- the [V] value as received (may be malformed)
    status          TEXT        NOT NULL,               -- PENDING | COMPLETE | INCOMPLETE | FAILED | MALFORMED
    detail          TEXT        NOT NULL DEFAULT '',    -- problems met, for the operator
    attempts        INTEGER     NOT NULL DEFAULT 0,
    requested_at    TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX image_fetch_signal ON image_fetch (signal_id);

CREATE TABLE alarm_image (
    id              BIGSERIAL   PRIMARY KEY,
    fetch_id        BIGINT      NOT NULL REFERENCES image_fetch (id),
    signal_id       BIGINT      NOT NULL,
    name            TEXT        NOT NULL,               -- file name as listed by the panel, e.g. cam-counter-1.jpg
    content_type    TEXT        NOT NULL,               -- sniffed from the bytes: image/jpeg, image/png, image/gif, image/webp
    bytes           BYTEA       NOT NULL,
    sha256          TEXT        NOT NULL,               -- evidence: the digest of the bytes as fetched
    fetched_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX alarm_image_signal ON alarm_image (signal_id);

CREATE TABLE image_view (
    image_id        BIGINT      NOT NULL REFERENCES alarm_image (id),
    operator        TEXT        NOT NULL,
    viewed_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (image_id, operator)
);
