/**
 * The pencil's screen (guide, step 1): who the member is, their permissions as checkboxes,
 * "Sauvegarder". The ticks are the user's until saved (kept across a reload); saving sends the
 * selection (SET_PERMISSIONS) then SAVE, which the machine turns into the change in the store.
 */
import type { FormEvent } from 'react';
import { CheckboxesField } from '../../../components/Fields';
import { formatNiss } from '../../../components/Layout';
import { useLabel } from '../../../i18n';
import { allows, contextOf, type ScreenProps } from '../../../journey/screens';
import { useDraft } from '../../../journey/useDraft';
import { PERMISSIONS, type AxessContext } from '../strings';
import { useNames } from './common';

export function MemberEditScreen({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const names = useNames();
  const { editing } = contextOf<AxessContext>(view);
  const member = editing?.member;
  const [draft, set, clear] = useDraft(member ? `${draftScope}.${member.niss}` : undefined, { permissions: editing?.permissions ?? [] });
  if (!member) return null;
  const chosen = PERMISSIONS.filter((p) => draft.permissions.includes(p));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const same = chosen.length === editing.permissions.length && chosen.every((p) => editing.permissions.includes(p));
    if (!same && !(await journey.send('SET_PERMISSIONS', { permissions: chosen }))) return;
    if (await journey.send('SAVE')) clear();
  };
  const cancel = async () => {
    if (await journey.send('CANCEL')) clear();
  };
  return (
    <section>
      <h1>{label('accessManagement.memberEdit.title')}</h1>
      <dl className="summary-list">
        <div>
          <dt>{label('accessManagement.memberEdit.lastName')}</dt>
          <dd>{member.lastName}</dd>
        </div>
        <div>
          <dt>{label('accessManagement.memberEdit.firstName')}</dt>
          <dd>{member.firstName}</dd>
        </div>
        <div>
          <dt>{label('accessManagement.memberAdd.niss')}</dt>
          <dd>{formatNiss(member.niss)}</dd>
        </div>
        <div>
          <dt>{label('accessManagement.memberEdit.role')}</dt>
          <dd>{names.role(member.role)}</dd>
        </div>
        <div>
          <dt>{label('accessManagement.memberEdit.status')}</dt>
          <dd>{names.status(member.status)}</dd>
        </div>
      </dl>
      <form onSubmit={(e) => void save(e)} noValidate>
        <CheckboxesField
          name="permissions"
          label={label('accessManagement.memberEdit.permissions')}
          error={fieldErrors.permissions}
          values={chosen}
          options={PERMISSIONS.map((p) => ({ value: p, label: names.permission(p) }))}
          onChange={(values) => set('permissions', values)}
        />
        <div className="actions">
          {allows(view, 'SAVE') && (
            <button type="submit" className="button" disabled={journey.busy}>
              {label('accessManagement.memberEdit.save')}
            </button>
          )}
          {allows(view, 'CANCEL') && (
            <button type="button" className="button secondary" disabled={journey.busy} onClick={() => void cancel()}>
              {label('accessManagement.memberEdit.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
