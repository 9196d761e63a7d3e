/** What several Axess screens share: the names of roles, statuses and permissions in the user's language. */
import { useStrings } from '../../../i18n';
import { axessWords, type MemberStatus, type Permission, type Role } from '../strings';

export function useNames() {
  const t = useStrings(axessWords);
  return {
    t,
    role: (role: Role) => t(`role_${role}`),
    status: (status: MemberStatus) => t(`status_${status}`),
    permission: (permission: Permission) => t(`permission_${permission}`),
    permissions: (permissions: readonly Permission[]) => (permissions.length === 0 ? t('none') : permissions.map((p) => t(`permission_${p}`)).join(' ; ')),
  };
}
