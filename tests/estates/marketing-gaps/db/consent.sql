-- Consent manager database (PostgreSQL): proof of consent for marketing.
CREATE TABLE consent_log (
    id bigserial PRIMARY KEY,
    subject_email varchar(254),
    subject_phone varchar(20),
    purpose varchar(40) NOT NULL,
    granted boolean NOT NULL,
    source varchar(40) NOT NULL,
    wording_version varchar(20) NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE consent_log IS 'One row per consent given or withdrawn';
CREATE INDEX consent_log_email_idx ON consent_log (subject_email, purpose);
