-- Access management: one group per organisation, its members, their roles and permissions.

CREATE TABLE people (
  niss       text PRIMARY KEY CHECK (niss ~ '^[0-9]{11}$'),
  last_name  text NOT NULL,
  first_name text NOT NULL
);
CREATE INDEX people_name_idx ON people (lower(last_name), lower(first_name));

CREATE TABLE access_groups (
  enterprise_number text PRIMARY KEY REFERENCES organisations (enterprise_number),
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE group_members (
  enterprise_number text NOT NULL REFERENCES access_groups (enterprise_number),
  niss              text NOT NULL REFERENCES people (niss),
  role              text NOT NULL CHECK (role IN ('MAIN_ACCESS_MANAGER', 'ACCESS_MANAGER', 'USER')),
  status            text NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_number, niss)
);
CREATE INDEX group_members_niss_idx ON group_members (niss);

CREATE TABLE member_permissions (
  enterprise_number text NOT NULL,
  niss              text NOT NULL,
  permission        text NOT NULL CHECK (permission IN ('EMPLOYER', 'PO_EDUCATION')),
  PRIMARY KEY (enterprise_number, niss, permission),
  FOREIGN KEY (enterprise_number, niss) REFERENCES group_members (enterprise_number, niss) ON DELETE CASCADE
);
CREATE INDEX member_permissions_permission_idx ON member_permissions (enterprise_number, permission);
