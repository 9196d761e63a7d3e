/** Activities of access management and of the Break@Work sign-in: reads and writes of access groups. */
import type {
  AddMemberInput,
  AddMemberOutput,
  LoadMemberInput,
  LoadMemberOutput,
  LoadOrganisationsOfPersonInput,
  LoadOrganisationsOfPersonOutput,
  SaveMemberPermissionsInput,
  SaveMemberPermissionsOutput,
} from '../machines/access-management';
import * as access from '../store/access';
import type { Db } from '../store/db';
import { DuplicateMemberError, MemberNotFoundError } from '../store/errors';
import { refuse } from './errors';

export function createAccessActivities(db: Db) {
  /** The store re-checks the actor's role: a machine's guard is not the last line of defence. */
  async function requireAccessManager(actorNiss: string, enterprise: string): Promise<void> {
    if (!(await access.isAccessManager(db, actorNiss, enterprise))) {
      throw refuse('NOT_ACCESS_MANAGER');
    }
  }

  return {
    async loadOrganisationsOfPerson({ niss }: LoadOrganisationsOfPersonInput): Promise<LoadOrganisationsOfPersonOutput> {
      const groups = await access.listGroupsOfPerson(db, niss);
      return Promise.all(
        groups.map(async (g) => ({
          enterprise: g.enterpriseNumber,
          name: g.name,
          role: g.role,
          status: 'ACTIVE' as const,
          permissions: await access.listPermissionsOf(db, niss, g.enterpriseNumber),
        })),
      );
    },

    async loadMember({ enterprise, niss }: LoadMemberInput): Promise<LoadMemberOutput> {
      const member = await access.getMember(db, enterprise, niss);
      return member && { niss: member.niss, lastName: member.lastName, firstName: member.firstName, role: member.role, status: member.status, permissions: member.permissions };
    },

    async saveMemberPermissions(input: SaveMemberPermissionsInput): Promise<SaveMemberPermissionsOutput> {
      await requireAccessManager(input.actorNiss, input.enterprise);
      try {
        const member = await access.setMemberPermissions(db, {
          enterpriseNumber: input.enterprise,
          niss: input.memberNiss,
          actor: input.actorNiss,
          permissions: input.permissions,
        });
        return { permissions: member.permissions };
      } catch (err) {
        if (err instanceof MemberNotFoundError) throw refuse('UNKNOWN_MEMBER');
        throw err;
      }
    },

    async addMember({ enterprise, actorNiss, member }: AddMemberInput): Promise<AddMemberOutput> {
      await requireAccessManager(actorNiss, enterprise);
      try {
        const added = await access.addMember(db, { enterpriseNumber: enterprise, actor: actorNiss, ...member });
        return { niss: added.niss };
      } catch (err) {
        if (err instanceof DuplicateMemberError) throw refuse('DUPLICATE_MEMBER');
        throw err;
      }
    },
  };
}
