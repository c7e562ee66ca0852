import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { RoleAssignment } from '../admin-types.ts';

export const roles = ['resident', 'council_member', 'advisor', 'officer', 'alderman', 'partner', 'admin'] as const;

/** Where the scope of each role comes from; municipality-wide roles (resident, admin) have none. */
const scopeSources: Record<string, string> = { council_member: '/councils', advisor: '/neighbourhoods', officer: '/departments', alderman: '/portfolios', partner: '/partner-organisations' };
/** An advisor often serves several wijken: pick them in one go. */
const rolesWithSeveralScopes = new Set(['advisor']);

type Option = { value: string; label: string };

export interface RoleScopes {
  optionsFor(role: string): Option[];
  isScoped(role: string): boolean;
  /** "Lid wijkorgaan: Wijkraad Warande (voorzitter)". */
  describe(grant: RoleAssignment): string;
  /** All roles of an account, one phrase per role: "Adviseur wijkgericht werken: Stiphout, Warande; Beheerder". */
  summarise(grants: RoleAssignment[]): string;
}

/** The councils, wijken, departments, portfolios and partners a role can apply to, loaded once. */
export function useRoleScopes(municipality: string): RoleScopes {
  const { t, nameOf } = useI18n();
  const sources = Object.values(scopeSources);
  const lists = useQuery({
    queryKey: ['admin', municipality, 'role-scopes'],
    queryFn: async () => {
      const pages = await Promise.all(sources.map((path) => api<Page<{ id: string; name: string; nameEn?: string | null }>>(tenantPath(municipality, `${path}?pageSize=100`))));
      return Object.fromEntries(sources.map((path, index) => [path, pages[index].items]));
    },
  });
  // Named in the reader's language: a department's English name in the English interface.
  const optionsFor = (role: string): Option[] => (scopeSources[role] ? (lists.data?.[scopeSources[role]] ?? []).map((item) => ({ value: item.id, label: nameOf(item) })) : []);
  /** "Wijkraad Warande (voorzitter)", or nothing for a municipality-wide role. */
  const scopeOf = (grant: RoleAssignment) => {
    const scope = grant.scopeId ? (optionsFor(grant.role).find((option) => option.value === grant.scopeId)?.label ?? '') : '';
    return grant.title && scope ? `${scope} (${grant.title})` : scope;
  };
  return {
    optionsFor,
    isScoped: (role) => role in scopeSources,
    describe: (grant) => (scopeOf(grant) ? `${t(`role.${grant.role}`)}: ${scopeOf(grant)}` : t(`role.${grant.role}`)),
    summarise: (grants) => {
      const byRole = new Map<string, string[]>();
      for (const grant of grants) byRole.set(grant.role, [...(byRole.get(grant.role) ?? []), scopeOf(grant)].filter(Boolean));
      return [...byRole.entries()].map(([role, scopes]) => (scopes.length > 0 ? `${t(`role.${role}`)}: ${scopes.join(', ')}` : t(`role.${role}`))).join('; ');
    },
  };
}

/**
 * The roles of one account: remove one, or add a role with what it applies to — a council for a council
 * member, wijken for an advisor, a department for an officer, a portfolio for an alderman, an organisation
 * for a partner. `onChange` gets the whole new list; when it returns a promise, the choice is kept until it
 * succeeds.
 */
export function RoleGrantsEditor(props: { idPrefix: string; legend: string; grants: RoleAssignment[]; scopes: RoleScopes; onChange(next: RoleAssignment[]): unknown; busy?: boolean; error?: string }) {
  const { t } = useI18n();
  const [role, setRole] = useState('');
  const [scopeIds, setScopeIds] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [missingScope, setMissingScope] = useState(false);
  const [missingRole, setMissingRole] = useState(false);
  const id = (part: string) => `${props.idPrefix}-${part}`;
  const options = role ? props.scopes.optionsFor(role) : [];
  const isSeveral = rolesWithSeveralScopes.has(role);

  const chooseRole = (next: string) => {
    setRole(next);
    setScopeIds([]);
    setTitle('');
    setMissingScope(false);
    setMissingRole(false);
  };
  const add = async () => {
    if (!role) {
      setMissingRole(true);
      document.getElementById(id('role'))?.focus();
      return;
    }
    if (props.scopes.isScoped(role) && scopeIds.length === 0) {
      setMissingScope(true);
      document.getElementById(isSeveral ? id('scope-0') : id('scope'))?.focus();
      return;
    }
    const added: RoleAssignment[] = props.scopes.isScoped(role) ? scopeIds.map((scopeId) => ({ role: role as RoleAssignment['role'], scopeId, title: title.trim() || null })) : [{ role: role as RoleAssignment['role'], scopeId: null }];
    const isNew = (grant: RoleAssignment) => !props.grants.some((existing) => existing.role === grant.role && (existing.scopeId ?? null) === (grant.scopeId ?? null));
    try {
      await props.onChange([...props.grants, ...added.filter(isNew)]);
      chooseRole('');
    } catch {
      // The caller shows the problem; the choice stays so it can be corrected.
    }
  };
  const remove = (index: number) => {
    // A refusal (e.g. the last administrator) is shown by the caller; nothing to undo here.
    Promise.resolve(props.onChange(props.grants.filter((_, position) => position !== index))).catch(() => undefined);
    // The removed line (and its button) is gone: continue at the role choice.
    document.getElementById(id('role'))?.focus();
  };
  const scopeLabel = role ? t(`admin.roles.scopeLabel.${role}`) : '';

  return (
    <Fieldset className="admin-fieldset" invalid={Boolean(props.error)}>
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {props.error && <FormFieldErrorMessage id={id('error')}>{props.error}</FormFieldErrorMessage>}
      {props.grants.length === 0 ? (
        <Paragraph>{t('admin.roles.none')}</Paragraph>
      ) : (
        <UnorderedList className="admin-grants">
          {props.grants.map((grant, index) => {
            const description = props.scopes.describe(grant);
            return (
              <UnorderedListItem key={`${grant.role}-${grant.scopeId}`}>
                {description}{' '}
                <Button type="button" appearance="subtle-button" hint="danger" busy={props.busy} onClick={() => remove(index)} aria-label={t('admin.roles.remove', { role: description })}>
                  {t('common.delete')}
                </Button>
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      )}
      <div className="admin-role-adder">
        <SelectField id={id('role')} label={t('field.role')} value={role} onChange={chooseRole} error={missingRole ? t('admin.roles.roleMissing') : undefined} options={[{ value: '', label: t('common.choose') }, ...roles.map((value) => ({ value, label: t(`role.${value}`) }))]} />
        {role && props.scopes.isScoped(role) && !isSeveral && (
          <SelectField id={id('scope')} label={scopeLabel} value={scopeIds[0] ?? ''} onChange={(value) => setScopeIds(value ? [value] : [])} options={[{ value: '', label: t('common.choose') }, ...options]} error={missingScope ? t('admin.roles.scopeMissing') : undefined} />
        )}
        {role && isSeveral && (
          <Fieldset className="admin-fieldset admin-scope-choices" invalid={missingScope} aria-describedby={missingScope ? id('scope-error') : undefined}>
            <FieldsetLegend>{scopeLabel}</FieldsetLegend>
            {missingScope && <FormFieldErrorMessage id={id('scope-error')}>{t('admin.roles.scopeMissing')}</FormFieldErrorMessage>}
            {options.map((option, index) => (
              <FormField
                key={option.value}
                type="checkbox"
                input={
                  <Checkbox
                    id={id(`scope-${index}`)}
                    checked={scopeIds.includes(option.value)}
                    onChange={(event) => {
                      const isChecked = (event.target as HTMLInputElement).checked;
                      setScopeIds((current) => (isChecked ? [...current, option.value] : current.filter((value) => value !== option.value)));
                    }}
                  />
                }
                label={
                  <FormLabel htmlFor={id(`scope-${index}`)} type="checkbox">
                    {option.label}
                  </FormLabel>
                }
              />
            ))}
          </Fieldset>
        )}
        {role === 'council_member' && <TextField id={id('title')} label={t('admin.roles.title')} description={t('admin.roles.titleHint')} value={title} onChange={setTitle} />}
        <Paragraph>
          <Button type="button" appearance="secondary-action-button" busy={props.busy} onClick={add}>
            {t('admin.roles.add')}
          </Button>
        </Paragraph>
      </div>
    </Fieldset>
  );
}
