-- Migration v5: the staff web view's accounts (registrar users, registrar serve).
--
-- One row per person who may sign in to `registrar serve`. The password is kept only as a bcrypt hash
-- (`$2b$…`), never in clear. Five failed sign-ins in a row lock the account until `locked_until`; a
-- good sign-in sets `failed_logins` back to 0. Roles: viewer (dashboard and reports), staff (also
-- members, imports, integrity, segments, exports), admin (also identity numbers in clear, settings,
-- users, the audit log). This file is frozen once shipped.

CREATE TABLE web_user (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    role TEXT NOT NULL CHECK (role = 'admin' OR role = 'staff' OR role = 'viewer'),
    password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[abxy]$*'),
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until TEXT,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);
