-- Reference data: communities, organisations (PO, school, employer) and schools.
-- Identifiers are stored as bare digits; check digits are validated by domain/ before they get here.

CREATE TABLE communities (
  code              text PRIMARY KEY CHECK (code IN ('FR', 'NL', 'DE')),
  enterprise_number text NOT NULL UNIQUE CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  label             text NOT NULL
);

CREATE TABLE organisations (
  enterprise_number text PRIMARY KEY CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  name              text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('PO', 'SCHOOL', 'EMPLOYER')),
  employs_own_staff boolean NOT NULL DEFAULT false
);

-- A school is identified by an enterprise number (0/1…) or an establishment-unit number (2–8…).
CREATE TABLE schools (
  school_number        text PRIMARY KEY CHECK (school_number ~ '^[0-8][0-9]{9}$'),
  name                 text NOT NULL,
  po_enterprise_number text NOT NULL REFERENCES organisations (enterprise_number),
  community_code       text NOT NULL REFERENCES communities (code)
);
CREATE INDEX schools_po_community_idx ON schools (po_enterprise_number, community_code);
