-- Sportschool Vitaal back-office database (SQLite)
PRAGMA foreign_keys = ON;

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT,
    bsn TEXT,                       -- asked at intake "for identification"
    medical_notes TEXT,             -- injuries, heart conditions, medication, from the intake form
    membership_type TEXT NOT NULL DEFAULT 'standard',
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ended_at DATETIME
);

CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    class_type TEXT NOT NULL,
    room TEXT NOT NULL,
    starts_at DATETIME NOT NULL,
    capacity INTEGER NOT NULL
);

CREATE TABLE kids_club_members (
    id INTEGER PRIMARY KEY,
    parent_email TEXT NOT NULL,
    child_first_name TEXT NOT NULL,
    birth_year INTEGER NOT NULL,
    enrolled_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    left_at DATETIME
);

CREATE TABLE consent_log (
    id INTEGER PRIMARY KEY,
    member_id INTEGER REFERENCES members (id) ON DELETE SET NULL,
    email TEXT NOT NULL,
    kind TEXT NOT NULL,
    granted INTEGER NOT NULL,
    wording_version TEXT NOT NULL,
    recorded_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    criminal_record_notes TEXT,     -- what the applicant disclosed about past convictions
    hired_on DATE NOT NULL,
    left_on DATE
);

CREATE INDEX consent_log_member_idx ON consent_log (member_id);
