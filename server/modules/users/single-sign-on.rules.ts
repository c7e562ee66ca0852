import type { RoleGrant } from '../../platform/permissions.ts';
import type { StoredSingleSignOn } from './single-sign-on.contract.ts';

/**
 * With single sign-on on and staff's password login off, staff log in through the identity provider only. Residents
 * keep their passwords (the provider is the municipality's own, for its staff), and administrators always keep
 * theirs: a provider that is down or wrongly configured must never lock everyone out.
 */
export function isPasswordLoginRefused(settings: StoredSingleSignOn | undefined, grants: Pick<RoleGrant, 'role'>[]): boolean {
  if (!settings?.isEnabled || settings.staffPasswordLogin) return false;
  if (grants.some((grant) => grant.role === 'admin')) return false;
  return grants.some((grant) => grant.role !== 'resident');
}

/** The groups claim as a list, whatever shape the provider sends (a list, one string, or nothing). */
export function groupsIn(claims: Record<string, unknown>, claim: string | null): string[] {
  if (!claim) return [];
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** A return address inside this municipality's part of the app, or its home page: never another site. */
export function safeReturnPath(slug: string, wanted: string | undefined): string {
  const home = `/${slug}/mijn`;
  if (!wanted?.startsWith(`/${slug}/`) || wanted.startsWith('//') || /[\\\s]/.test(wanted)) return home;
  return wanted;
}
