-- Workers: teaching staff (registered under a community, occupied in schools) and own staff.

CREATE TABLE workers (
  niss       text PRIMARY KEY CHECK (niss ~ '^[0-9]{11}$'),
  last_name  text NOT NULL,
  first_name text NOT NULL,
  birth_date date,            -- null when unknown (some BIS numbers)
  email      text
);

-- Teaching staff are registered under their community's enterprise number, not the PO's.
CREATE TABLE worker_registrations (
  niss           text NOT NULL REFERENCES workers (niss),
  community_code text NOT NULL REFERENCES communities (code),
  PRIMARY KEY (niss, community_code)
);

CREATE TABLE worker_occupations (
  niss             text NOT NULL REFERENCES workers (niss),
  school_number    text NOT NULL REFERENCES schools (school_number),
  status           text NOT NULL CHECK (status IN ('STATUTORY', 'CONTRACTUAL', 'TEMPORARY')),
  level            text NOT NULL CHECK (level IN ('NURSERY', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY')),
  periods_per_week integer NOT NULL CHECK (periods_per_week BETWEEN 1 AND 40),
  part_time        boolean NOT NULL,
  PRIMARY KEY (niss, school_number)
);
CREATE INDEX worker_occupations_school_idx ON worker_occupations (school_number);

-- Staff registered under the employer's own enterprise number.
CREATE TABLE own_staff (
  employer_enterprise_number text NOT NULL REFERENCES organisations (enterprise_number),
  niss                       text NOT NULL REFERENCES workers (niss),
  status                     text NOT NULL CHECK (status IN ('STATUTORY', 'CONTRACTUAL', 'TEMPORARY')),
  PRIMARY KEY (employer_enterprise_number, niss)
);
CREATE INDEX own_staff_niss_idx ON own_staff (niss);
