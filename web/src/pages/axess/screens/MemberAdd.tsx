/**
 * "Ajouter un utilisateur" (guide, step 1): NISS (formatted as it is typed), last name, first name,
 * role, and the permissions to grant. What was typed survives a refusal, a reload or a 503; each
 * refused field shows the rule's message beside it, in the user's language.
 */
import type { FormEvent } from 'react';
import { CheckboxesField, SelectField, TextField } from '../../../components/Fields';
import { formatNiss } from '../../../components/Layout';
import { useLabel } from '../../../i18n';
import { allows, contextOf, type ScreenProps } from '../../../journey/screens';
import { useDraft } from '../../../journey/useDraft';
import { PERMISSIONS, ROLES, type AxessContext, type Permission } from '../strings';
import { useNames } from './common';

export function MemberAddScreen({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const names = useNames();
  const { newMember } = contextOf<AxessContext>(view);
  const [draft, set, clear] = useDraft(draftScope, {
    niss: newMember ? formatNiss(newMember.niss) : '',
    lastName: newMember?.lastName ?? '',
    firstName: newMember?.firstName ?? '',
    role: newMember?.role ?? 'USER',
    permissions: newMember?.permissions ?? ([] as Permission[]),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Digits only when it looks like a NISS; anything else as typed, so the rule says what is wrong with it.
    const typed = draft.niss.trim();
    const niss = /^[\d.\-\s]+$/.test(typed) ? typed.replace(/\D/g, '') : typed;
    const sent = await journey.send('SUBMIT_NEW_MEMBER', {
      niss,
      lastName: draft.lastName,
      firstName: draft.firstName,
      role: draft.role,
      permissions: PERMISSIONS.filter((p) => draft.permissions.includes(p)),
    });
    if (sent && sent.screen !== 'memberAdd') clear();
  };
  const cancel = async () => {
    if (await journey.send('CANCEL')) clear();
  };
  return (
    <section>
      <h1>{label('accessManagement.memberAdd.title')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="niss"
          label={label('accessManagement.memberAdd.niss')}
          hint={names.t('nissHint')}
          error={fieldErrors.niss}
          value={draft.niss}
          inputMode="numeric"
          width="m"
          onChange={(v) => set('niss', /^[\d.\-\s]*$/.test(v) ? formatNiss(v) : v)}
        />
        <TextField name="lastName" label={label('accessManagement.memberAdd.lastName')} error={fieldErrors.lastName} value={draft.lastName} autoComplete="off" onChange={(v) => set('lastName', v)} />
        <TextField name="firstName" label={label('accessManagement.memberAdd.firstName')} error={fieldErrors.firstName} value={draft.firstName} autoComplete="off" onChange={(v) => set('firstName', v)} />
        <SelectField
          name="role"
          label={label('accessManagement.memberAdd.role')}
          error={fieldErrors.role}
          value={draft.role}
          options={ROLES.map((r) => ({ value: r, label: names.role(r) }))}
          onChange={(v) => set('role', v)}
        />
        <CheckboxesField
          name="permissions"
          label={label('accessManagement.memberAdd.permissions')}
          error={fieldErrors.permissions}
          values={draft.permissions}
          options={PERMISSIONS.map((p) => ({ value: p, label: names.permission(p) }))}
          onChange={(values) => set('permissions', values)}
        />
        <div className="actions">
          {allows(view, 'SUBMIT_NEW_MEMBER') && (
            <button type="submit" className="button" disabled={journey.busy}>
              {label('accessManagement.memberAdd.submit')}
            </button>
          )}
          {allows(view, 'CANCEL') && (
            <button type="button" className="button secondary" disabled={journey.busy} onClick={() => void cancel()}>
              {label('accessManagement.memberAdd.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
