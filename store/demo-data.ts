/**
 * Demo data: the guide's cast (PO Y with schools A, B, C; PO Z with schools D, E; their teaching
 * staff, PO Y's own staff, and the people who sign in, workers included for their part) under VALID
 * identifiers — the guide's own numbers (0123.456.789 …) fail their check digits. Loaded once: a `data_loads` row marks it, so a
 * restart never re-adds what users changed since.
 */
import type { Db } from './db';
import type { Community, Organisation, School } from './organisations';
import type { CommunityCode, MemberRole, MemberStatus, Permission, TeachingLevel, WorkerStatus } from './types';
import type { Worker } from './workers';

export interface DemoCommunity extends Community {
  /** True when the enterprise number is a valid stand-in, not the community's real number. */
  placeholder: boolean;
}

export interface DemoTeacher extends Worker {
  registrations: readonly CommunityCode[];
  occupations: readonly {
    schoolNumber: string;
    status: WorkerStatus;
    level: TeachingLevel;
    periodsPerWeek: number;
    partTime: boolean;
  }[];
}

export interface DemoOwnStaff extends Worker {
  employerEnterpriseNumber: string;
  status: WorkerStatus;
}

export interface DemoPerson {
  niss: string;
  lastName: string;
  firstName: string;
  membership: { enterpriseNumber: string; role: MemberRole; status: MemberStatus; permissions: readonly Permission[] };
}

const communities = {
  // Placeholder: the French Community's real number was not confirmed publicly.
  fr: { code: 'FR', enterpriseNumber: '0999000129', label: 'Fédération Wallonie-Bruxelles', placeholder: true },
  // Publicly confirmed (Flemish government).
  nl: { code: 'NL', enterpriseNumber: '0316380841', label: 'Communauté flamande', placeholder: false },
  // Placeholder: the German-speaking Community's real number was not confirmed publicly.
  de: { code: 'DE', enterpriseNumber: '0999000228', label: 'Communauté germanophone', placeholder: true },
} as const satisfies Record<string, DemoCommunity>;

const organisations = {
  poY: { enterpriseNumber: '0123456749', name: 'PO Y – Réseau scolaire Les Tilleuls', kind: 'PO', employsOwnStaff: true },
  poZ: { enterpriseNumber: '0987654394', name: 'PO Z – Écoles du Val', kind: 'PO', employsOwnStaff: false },
} as const satisfies Record<string, Organisation>;

const Y = organisations.poY.enterpriseNumber;
const Z = organisations.poZ.enterpriseNumber;

const schools = {
  a: { schoolNumber: '0321654968', name: 'École A – Les Tilleuls Ixelles', poEnterpriseNumber: Y, communityCode: 'FR' },
  b: { schoolNumber: '0456789133', name: 'École B – Les Tilleuls Namur', poEnterpriseNumber: Y, communityCode: 'FR' },
  c: { schoolNumber: '0789123407', name: 'School C – De Linde Brussel', poEnterpriseNumber: Y, communityCode: 'NL' },
  d: { schoolNumber: '0567890161', name: 'Schule D – Am Wetzlarbach Eupen', poEnterpriseNumber: Z, communityCode: 'DE' },
  // An establishment unit (first digit 2–8) rather than an enterprise.
  e: { schoolNumber: '2345678942', name: 'École E – Val de Liège (implantation)', poEnterpriseNumber: Z, communityCode: 'FR' },
} as const satisfies Record<string, School>;

const teachers = {
  /** PO Y, school A (FR): statutory primary teacher, full time. */
  primaryA: {
    niss: '82041207257', lastName: 'Lambert', firstName: 'Sophie', birthDate: '1982-04-12', email: 'sophie.lambert@example.org',
    registrations: ['FR'],
    occupations: [{ schoolNumber: schools.a.schoolNumber, status: 'STATUTORY', level: 'PRIMARY', periodsPerWeek: 24, partTime: false }],
  },
  /** PO Y, school A (FR): contractual nursery teacher, half time. */
  nurseryA: {
    niss: '90012314592', lastName: 'Renard', firstName: 'Thomas', birthDate: '1990-01-23', email: 'thomas.renard@example.org',
    registrations: ['FR'],
    occupations: [{ schoolNumber: schools.a.schoolNumber, status: 'CONTRACTUAL', level: 'NURSERY', periodsPerWeek: 13, partTime: true }],
  },
  /** PO Y, school B (FR): temporary lower-secondary teacher, full time. */
  temporaryB: {
    niss: '95081720872', lastName: 'Dumont', firstName: 'Julie', birthDate: '1995-08-17', email: null,
    registrations: ['FR'],
    occupations: [{ schoolNumber: schools.b.schoolNumber, status: 'TEMPORARY', level: 'LOWER_SECONDARY', periodsPerWeek: 22, partTime: false }],
  },
  /** PO Y, school C (NL): statutory upper-secondary teacher (no ordinary interruption in Flemish education). */
  flemishC: {
    niss: '78030503123', lastName: 'Janssens', firstName: 'Pieter', birthDate: '1978-03-05', email: 'pieter.janssens@example.org',
    registrations: ['NL'],
    occupations: [{ schoolNumber: schools.c.schoolNumber, status: 'STATUTORY', level: 'UPPER_SECONDARY', periodsPerWeek: 20, partTime: false }],
  },
  /** PO Y, part time in school B (FR) and school C (NL): two communities, so two employers. */
  twoCommunities: {
    niss: '87092911334', lastName: 'Wouters', firstName: 'Lucas', birthDate: '1987-09-29', email: null,
    registrations: ['FR', 'NL'],
    occupations: [
      { schoolNumber: schools.b.schoolNumber, status: 'STATUTORY', level: 'LOWER_SECONDARY', periodsPerWeek: 10, partTime: true },
      { schoolNumber: schools.c.schoolNumber, status: 'CONTRACTUAL', level: 'UPPER_SECONDARY', periodsPerWeek: 11, partTime: true },
    ],
  },
  /** PO Z, school D (DE): statutory primary teacher. */
  germanD: {
    niss: '93021426620', lastName: 'Kessler', firstName: 'Anna', birthDate: '1993-02-14', email: 'anna.kessler@example.org',
    registrations: ['DE'],
    occupations: [{ schoolNumber: schools.d.schoolNumber, status: 'STATUTORY', level: 'PRIMARY', periodsPerWeek: 24, partTime: false }],
  },
  /** PO Z, school E (FR): contractual upper-secondary teacher. */
  upperSecondaryE: {
    niss: '88071118425', lastName: 'Lefèvre', firstName: 'Emma', birthDate: '1988-07-11', email: 'emma.lefevre@example.org',
    registrations: ['FR'],
    occupations: [{ schoolNumber: schools.e.schoolNumber, status: 'CONTRACTUAL', level: 'UPPER_SECONDARY', periodsPerWeek: 20, partTime: false }],
  },
  /** PO Z, school E (FR): temporary nursery teacher born in 2001 (NISS check digits with the '2' prefix). */
  bornAfter2000E: {
    niss: '01031405779', lastName: 'Mertens', firstName: 'Noah', birthDate: '2001-03-14', email: null,
    registrations: ['FR'],
    occupations: [{ schoolNumber: schools.e.schoolNumber, status: 'TEMPORARY', level: 'NURSERY', periodsPerWeek: 26, partTime: false }],
  },
} as const satisfies Record<string, DemoTeacher>;

const ownStaff = {
  /** PO Y's own administrative staff, registered under PO Y's enterprise number. */
  secretaryY: {
    niss: '75062029840', lastName: 'Moreau', firstName: 'Isabelle', birthDate: '1975-06-20', email: 'isabelle.moreau@example.org',
    employerEnterpriseNumber: Y, status: 'CONTRACTUAL',
  },
  accountantY: {
    niss: '68090208783', lastName: 'Collard', firstName: 'Jean', birthDate: '1968-09-02', email: null,
    employerEnterpriseNumber: Y, status: 'STATUTORY',
  },
} as const satisfies Record<string, DemoOwnStaff>;

const people = {
  /** PO Y, EMPLOYER + PO_EDUCATION: sees the intermediate "act as PO / as the company" screen. */
  bothPermissions: {
    niss: '71050815663', lastName: 'Dubois', firstName: 'Claire',
    membership: { enterpriseNumber: Y, role: 'USER', status: 'ACTIVE', permissions: ['EMPLOYER', 'PO_EDUCATION'] },
  },
  /** PO Y, PO_EDUCATION only: straight to the overview as PO. */
  poEducationOnly: {
    niss: '79011603980', lastName: 'Peeters', firstName: 'Marc',
    membership: { enterpriseNumber: Y, role: 'USER', status: 'ACTIVE', permissions: ['PO_EDUCATION'] },
  },
  /** PO Z, PO_EDUCATION: must never see PO Y's requests. */
  poZUser: {
    niss: '83092722493', lastName: 'Schmitz', firstName: 'Ingrid',
    membership: { enterpriseNumber: Z, role: 'USER', status: 'ACTIVE', permissions: ['PO_EDUCATION'] },
  },
  /** PO Y's main access manager: grants permissions (holds none for Break@Work). */
  accessManagerY: {
    niss: '66030311241', lastName: 'Lejeune', firstName: 'Anne',
    membership: { enterpriseNumber: Y, role: 'MAIN_ACCESS_MANAGER', status: 'ACTIVE', permissions: [] },
  },
  /** PO Y member without any permission: refused at sign-in, pointed to access management. */
  noPermission: {
    niss: '92063009113', lastName: 'Martin', firstName: 'Paul',
    membership: { enterpriseNumber: Y, role: 'USER', status: 'ACTIVE', permissions: [] },
  },
  /** PO Y, EMPLOYER only: own-company mode (PO Y's own staff). */
  employerOnly: {
    niss: '85022417630', lastName: 'Benali', firstName: 'Nadia',
    membership: { enterpriseNumber: Y, role: 'USER', status: 'ACTIVE', permissions: ['EMPLOYER'] },
  },
  /** PO Y, PO_EDUCATION but INACTIVE: the permission does not count. */
  inactiveMember: {
    niss: '77081104537', lastName: 'Claes', firstName: 'Bruno',
    membership: { enterpriseNumber: Y, role: 'USER', status: 'INACTIVE', permissions: ['PO_EDUCATION'] },
  },
} as const satisfies Record<string, DemoPerson>;

/** The demo cast by role, e.g. `demoCast.people.bothPermissions.niss`, `demoCast.schools.a.schoolNumber`. */
export const demoCast = { communities, organisations, schools, teachers, ownStaff, people } as const;

const marker = 'demo';
/**
 * The teachers and own staff sign in too (the worker's part): a load of its own, so that a database
 * whose demo data was loaded before they could also gets them, once.
 */
const workersAsPeopleMarker = 'demo-workers-as-people';

/**
 * Loads the demo data unless it was loaded before; returns whether this call loaded it (the cast; the
 * workers as people who sign in are added once too, by their own marker).
 */
export function loadDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting together: the second waits here, then sees the marker.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('data_loads:' || current_schema()))`);
    await loadWorkersAsPeople(tx);
    const loaded = await tx.maybeOne('SELECT name FROM data_loads WHERE name = $1', [marker]);
    if (loaded) return false;

    // ON CONFLICT DO NOTHING: rows that configuration or users already wrote are kept as they are.
    for (const c of Object.values(communities)) {
      await tx.query('INSERT INTO communities (code, enterprise_number, label) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        c.code, c.enterpriseNumber, c.label,
      ]);
    }
    for (const o of Object.values(organisations)) {
      await tx.query(
        `INSERT INTO organisations (enterprise_number, name, kind, employs_own_staff) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [o.enterpriseNumber, o.name, o.kind, o.employsOwnStaff],
      );
      await tx.query('INSERT INTO access_groups (enterprise_number) VALUES ($1) ON CONFLICT DO NOTHING', [o.enterpriseNumber]);
    }
    for (const s of Object.values(schools)) {
      await tx.query(
        `INSERT INTO schools (school_number, name, po_enterprise_number, community_code) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [s.schoolNumber, s.name, s.poEnterpriseNumber, s.communityCode],
      );
    }
    for (const w of [...Object.values(teachers), ...Object.values(ownStaff)]) {
      await tx.query(
        `INSERT INTO workers (niss, last_name, first_name, birth_date, email) VALUES ($1, $2, $3, $4::date, $5)
         ON CONFLICT DO NOTHING`,
        [w.niss, w.lastName, w.firstName, w.birthDate, w.email],
      );
    }
    for (const t of Object.values(teachers)) {
      for (const community of t.registrations) {
        await tx.query('INSERT INTO worker_registrations (niss, community_code) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          t.niss, community,
        ]);
      }
      for (const o of t.occupations) {
        await tx.query(
          `INSERT INTO worker_occupations (niss, school_number, status, level, periods_per_week, part_time)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [t.niss, o.schoolNumber, o.status, o.level, o.periodsPerWeek, o.partTime],
        );
      }
    }
    for (const s of Object.values(ownStaff)) {
      await tx.query(
        'INSERT INTO own_staff (employer_enterprise_number, niss, status) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [s.employerEnterpriseNumber, s.niss, s.status],
      );
    }
    for (const p of Object.values(people)) {
      const m = p.membership;
      await tx.query('INSERT INTO people (niss, last_name, first_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        p.niss, p.lastName, p.firstName,
      ]);
      const added = await tx.query(
        `INSERT INTO group_members (enterprise_number, niss, role, status) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING niss`,
        [m.enterpriseNumber, p.niss, m.role, m.status],
      );
      if (added.length === 1 && m.permissions.length > 0) {
        await tx.query(
          `INSERT INTO member_permissions (enterprise_number, niss, permission)
           SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
          [m.enterpriseNumber, p.niss, m.permissions],
        );
      }
    }
    await tx.query('INSERT INTO data_loads (name) VALUES ($1)', [marker]);
    return true;
  });
}

/** The teachers and own staff as people the development identity provider signs in (ON CONFLICT: a person users changed stays). */
async function loadWorkersAsPeople(tx: Db): Promise<void> {
  if (await tx.maybeOne('SELECT name FROM data_loads WHERE name = $1', [workersAsPeopleMarker])) return;
  for (const w of [...Object.values(teachers), ...Object.values(ownStaff)]) {
    await tx.query('INSERT INTO people (niss, last_name, first_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [w.niss, w.lastName, w.firstName]);
  }
  await tx.query('INSERT INTO data_loads (name) VALUES ($1)', [workersAsPeopleMarker]);
}
