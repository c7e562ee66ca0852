import type { ApiTokenRow, GrantRow, UserRow } from './user.repository.ts';

export function presentGrant(row: GrantRow) {
  return { role: row.role, scopeType: row.scopeType, scopeId: row.scopeId, title: row.title };
}

/** Never the password hash. */
export function presentUser(row: UserRow, grants: GrantRow[]) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    isActive: row.isActive,
    hasPassword: row.passwordHash !== null,
    homeNeighbourhoodId: row.homeNeighbourhoodId,
    roles: grants.filter((grant) => grant.userId === row.id).map(presentGrant),
    version: row.version,
  };
}

/** Never the token or its hash. */
export function presentApiToken(row: ApiTokenRow & { userDisplayName: string }) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.userId,
    userDisplayName: row.userDisplayName,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
