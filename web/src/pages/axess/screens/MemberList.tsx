/**
 * The group's member list (guide, step 1): search a member, filter by role, status and permission,
 * one page at a time; the pencil on a member opens their permissions, "Ajouter un utilisateur" the
 * form. The list is a plain read (GET /api/organisations/{enterprise}/members); the machine knows the
 * open group and says which of these events the person may send. The list holds every member's NISS:
 * the service gives it to access managers only, so a plain user is told so and nothing is loaded.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, as, call, type ApiError, type Schemas } from '../../../api';
import { SelectField, TextField } from '../../../components/Fields';
import { formatEnterprise, formatNiss } from '../../../components/Layout';
import { useLabel, useLanguage } from '../../../i18n';
import { useDraft } from '../../../journey/useDraft';
import { allows, contextOf, type ScreenProps } from '../../../journey/screens';
import { useSession } from '../../../session';
import { PERMISSIONS, ROLES, STATUSES, type AxessContext, type MemberStatus, type Permission, type Role } from '../strings';
import { useNames } from './common';

export const PAGE_SIZE = 10;

interface Filters extends Record<string, unknown> {
  search: string;
  role: string;
  status: string;
  permission: string;
  page: number;
}

const noFilter: Filters = { search: '', role: '', status: '', permission: '', page: 1 };

export function MemberListScreen({ view, journey }: ScreenProps) {
  const label = useLabel();
  const names = useNames();
  const { t } = names;
  const { language } = useLanguage();
  const session = useSession();
  const token = session.identity?.token;
  const { group, notice } = contextOf<AxessContext>(view);
  const enterprise = group?.enterprise ?? '';
  // The filters stay as they were across a reload and after editing a member (per group, in this browser).
  const [filters, setFilter] = useDraft<Filters>(`axess.members.${enterprise}`, noFilter);
  const [search, setSearch] = useState(filters.search);
  const [list, setList] = useState<Schemas['MemberPage']>();
  const [failure, setFailure] = useState<ApiError>();

  // The search applies as the user types, once they pause.
  useEffect(() => {
    if (search === filters.search) return;
    const timer = setTimeout(() => {
      setFilter('search', search);
      setFilter('page', 1);
    }, 300);
    return () => clearTimeout(timer);
  }, [search, filters.search, setFilter]);

  const manages = group?.canManageMembers === true;
  useEffect(() => {
    if (!enterprise || !token || !manages) return;
    let live = true;
    const query = {
      ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
      ...(filters.role ? { role: filters.role as Role } : {}),
      ...(filters.status ? { status: filters.status as MemberStatus } : {}),
      ...(filters.permission ? { permission: filters.permission as Permission } : {}),
      page: filters.page,
      pageSize: PAGE_SIZE,
    };
    call(api.GET('/api/organisations/{enterprise}/members', { params: { path: { enterprise }, query }, ...as(token) })).then(
      (page) => {
        if (!live) return;
        setFailure(undefined);
        setList(page);
      },
      (err: ApiError) => live && setFailure(err),
    );
    return () => {
      live = false;
    };
    // `view.state` and `notice`: a member saved or added shows at once; `language`: messages in it.
  }, [enterprise, token, manages, filters.search, filters.role, filters.status, filters.permission, filters.page, notice?.niss, notice?.code, language]);

  const choose = (name: 'role' | 'status' | 'permission', value: string) => {
    setFilter(name, value);
    setFilter('page', 1);
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    setFilter('search', search);
    setFilter('page', 1);
  };
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  // The machine says whether this person manages the group: its guard refuses EDIT_MEMBER and
  // ADD_USER otherwise, so neither is offered.
  const canEdit = manages && allows(view, 'EDIT_MEMBER');
  const tableTop = useRef<HTMLTableElement>(null);
  const goTo = (page: number) => {
    setFilter('page', page);
    tableTop.current?.focus();
  };

  return (
    <section>
      <h1>{label('accessManagement.memberList.title')}</h1>
      {group && (
        <p className="lead">
          {group.name} — {t('enterprise', { enterprise: formatEnterprise(group.enterprise) })}
        </p>
      )}
      {notice && (
        <div className="notice" role="status">
          <p>{label(notice.code === 'MEMBER_SAVED' ? 'accessManagement.memberList.memberSaved' : 'accessManagement.memberList.memberAdded')}</p>
        </div>
      )}
      {group && !group.canManageMembers && <p className="warning-text">{t('readOnly')}</p>}
      <div className="actions">
        {manages && allows(view, 'ADD_USER') && (
          <button type="button" className="button" disabled={journey.busy} onClick={() => void journey.send('ADD_USER')}>
            {label('accessManagement.memberList.addUser')}
          </button>
        )}
        {allows(view, 'BACK_TO_GROUPS') && (
          <button type="button" className="button secondary" disabled={journey.busy} onClick={() => void journey.send('BACK_TO_GROUPS')}>
            {label('accessManagement.memberList.backToGroups')}
          </button>
        )}
      </div>

      {manages && (
        <form className="panel" role="search" onSubmit={submitSearch}>
          <div className="axess-search">
            <TextField name="search" type="search" label={label('accessManagement.memberList.search')} hint={t('searchHint')} value={search} onChange={setSearch} />
            <button type="submit" className="button secondary">
              {t('searchButton')}
            </button>
          </div>
          <div className="filters">
            <SelectField
              name="role"
              label={label('accessManagement.memberList.filterRole')}
              value={filters.role}
              empty={t('all')}
              options={ROLES.map((r) => ({ value: r, label: names.role(r) }))}
              onChange={(v) => choose('role', v)}
            />
            <SelectField
              name="status"
              label={label('accessManagement.memberList.filterStatus')}
              value={filters.status}
              empty={t('all')}
              options={STATUSES.map((s) => ({ value: s, label: names.status(s) }))}
              onChange={(v) => choose('status', v)}
            />
            <SelectField
              name="permission"
              label={label('accessManagement.memberList.filterPermission')}
              value={filters.permission}
              empty={t('all')}
              options={PERMISSIONS.map((p) => ({ value: p, label: names.permission(p) }))}
              onChange={(v) => choose('permission', v)}
            />
          </div>
        </form>
      )}

      {failure && (
        <p className="field-error" role="alert">
          {failure.retryable ? t('loadFailed') : failure.message}
        </p>
      )}
      <p aria-live="polite" className="axess-count">
        {list ? (list.total === 0 ? t('noMember') : t('found', { count: list.total })) : ''}
      </p>
      {list && list.items.length > 0 && (
        <div className="table-wrap">
          <table className="axess-members" ref={tableTop} tabIndex={-1} aria-labelledby="members-caption">
            <caption id="members-caption" className="visually-hidden">
              {label('accessManagement.memberList.title')}
              {list.total > list.pageSize ? ` — ${t('pageOf', { page: list.page, pages })}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{label('accessManagement.memberList.lastName')}</th>
                <th scope="col">{label('accessManagement.memberList.firstName')}</th>
                <th scope="col">{label('accessManagement.memberList.role')}</th>
                <th scope="col">{label('accessManagement.memberList.status')}</th>
                <th scope="col">{label('accessManagement.memberList.permissions')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{label('accessManagement.memberList.edit')}</span>
                    <span aria-hidden="true">{t('actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.items.map((m) => (
                <tr key={m.niss}>
                  <td data-label={label('accessManagement.memberList.lastName')}>
                    {m.lastName}
                    <span className="hint">{formatNiss(m.niss)}</span>
                  </td>
                  <td data-label={label('accessManagement.memberList.firstName')}>{m.firstName}</td>
                  <td data-label={label('accessManagement.memberList.role')}>{names.role(m.role)}</td>
                  <td data-label={label('accessManagement.memberList.status')}>
                    <span className="status">{names.status(m.status)}</span>
                  </td>
                  <td data-label={label('accessManagement.memberList.permissions')}>
                    {m.permissions.length === 0 ? (
                      t('none')
                    ) : (
                      <ul className="axess-permissions">
                        {m.permissions.map((p) => (
                          <li key={p}>{names.permission(p)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="axess-pencil"
                        disabled={journey.busy}
                        title={label('accessManagement.memberList.edit')}
                        onClick={() => void journey.send('EDIT_MEMBER', { niss: m.niss })}
                      >
                        <Pencil />
                        <span className="visually-hidden">{t('editMember', { name: `${m.firstName} ${m.lastName}` })}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && list.total > list.pageSize && (
        <nav className="pagination" aria-label={t('pagination')}>
          <button type="button" className="button secondary" disabled={list.page <= 1} onClick={() => goTo(list.page - 1)}>
            {t('previous')}
          </button>
          <span aria-current="page">{t('pageOf', { page: list.page, pages })}</span>
          <button type="button" className="button secondary" disabled={list.page >= pages} onClick={() => goTo(list.page + 1)}>
            {t('next')}
          </button>
        </nav>
      )}
    </section>
  );
}

/** The guide's pencil, drawn inline (no icon font, no image request). */
function Pencil() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
      <path fill="currentColor" d="M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zm17.71-10.21a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z" />
    </svg>
  );
}
