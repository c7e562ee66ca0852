/**
 * Roles, their scopes and the one permission matrix. Pure: no database, no Fastify.
 * Deny by default: a permission a role is not listed for is refused.
 */
export const roles = ['resident', 'council_member', 'advisor', 'officer', 'alderman', 'partner', 'admin'] as const;
export type Role = (typeof roles)[number];

export const scopeTypes = ['municipality', 'council', 'neighbourhood', 'department', 'portfolio', 'partner_organisation'] as const;
export type ScopeType = (typeof scopeTypes)[number];

/** The kind of scope each role is assigned with. */
export const scopeTypeOfRole: Record<Role, ScopeType> = {
  resident: 'municipality',
  council_member: 'council',
  advisor: 'neighbourhood',
  officer: 'department',
  alderman: 'portfolio',
  partner: 'partner_organisation',
  admin: 'municipality',
};

export interface RoleGrant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

export interface Actor {
  userId: string;
  municipalityId: string;
  displayName: string;
  email: string;
  grants: RoleGrant[];
  authenticatedBy: 'session' | 'api_token';
  sessionId?: string;
  /** Sessions: when the person last proved who they are (login or confirming again). */
  authenticatedAt?: Date;
  /** Sessions: the role requires a second factor the person has not added yet; until then only that is allowed. */
  mustEnrolSecondFactor?: boolean;
}

/** What a permission is checked against, when it is scoped. */
export interface PermissionTarget {
  councilId?: string;
  neighbourhoodIds?: string[];
  departmentId?: string;
  portfolioId?: string;
  partnerOrganisationId?: string;
}

/** 'any': the role allows it everywhere in its municipality; 'scoped': only within the grant's scope. */
export type Reach = 'any' | 'scoped';
export type PermissionRow = Partial<Record<Role, Reach>>;

/**
 * The registry's and administration's permissions. Each module adds its own rows with `definePermissions`, next
 * to its code (the requests module: submit, triage, answer…); together they are the one matrix.
 */
const platformPermissions = {
  'home.view': { resident: 'any', council_member: 'any', advisor: 'any', officer: 'any', alderman: 'any', partner: 'any', admin: 'any' },
  'registry.viewInternal': { council_member: 'any', advisor: 'any', officer: 'any', alderman: 'any', partner: 'any', admin: 'any' },
  'registry.manage': { admin: 'any' },
  'audit.read': { admin: 'any' },
  'outbox.read': { admin: 'any' },
  'securityEvents.read': { admin: 'any' },
} as const satisfies Record<string, PermissionRow>;

export type Permission = keyof typeof platformPermissions | (string & {});
const permissionMatrix = new Map<string, PermissionRow>(Object.entries(platformPermissions));

/** A module's permissions, added to the matrix when the module loads; a name may be claimed once. */
export function definePermissions<Rows extends Record<string, PermissionRow>>(rows: Rows): { [Name in keyof Rows]: Name } {
  for (const [name, row] of Object.entries(rows)) {
    const known = permissionMatrix.get(name);
    if (known && known !== row) throw new Error(`Permission ${name} is defined twice.`);
    permissionMatrix.set(name, row);
  }
  return Object.fromEntries(Object.keys(rows).map((name) => [name, name])) as { [Name in keyof Rows]: Name };
}

/** Every permission the application knows, platform and modules together. */
export function knownPermissions(): string[] {
  return [...permissionMatrix.keys()];
}

function grantCovers(grant: RoleGrant, target: PermissionTarget): boolean {
  switch (grant.scopeType) {
    case 'municipality':
      return true;
    case 'council':
      return target.councilId !== undefined && grant.scopeId === target.councilId;
    case 'neighbourhood':
      return target.neighbourhoodIds?.some((id) => id === grant.scopeId) ?? false;
    case 'department':
      return target.departmentId !== undefined && grant.scopeId === target.departmentId;
    case 'portfolio':
      return target.portfolioId !== undefined && grant.scopeId === target.portfolioId;
    case 'partner_organisation':
      return target.partnerOrganisationId !== undefined && grant.scopeId === target.partnerOrganisationId;
  }
}

/**
 * May this actor do this? Without a target, a scoped role counts (the route lets the actor in and
 * the use case checks the scope against the record it touches).
 */
export function can(actor: Actor | undefined, permission: Permission, target?: PermissionTarget): boolean {
  if (!actor) return false;
  // An unknown permission allows nothing (deny by default); the routes refuse to start with one.
  const allowed: PermissionRow = permissionMatrix.get(permission) ?? {};
  return actor.grants.some((grant) => {
    // Own keys only: a role named "constructor" or "toString" must not find something on Object.prototype.
    if (!Object.hasOwn(allowed, grant.role) || !Object.hasOwn(scopeTypeOfRole, grant.role)) return false;
    // A grant whose kind of scope does not fit its role (a council member scoped to the whole municipality)
    // was not made by the user service; it counts for nothing rather than for everything.
    if (grant.scopeType !== scopeTypeOfRole[grant.role]) return false;
    const reach = allowed[grant.role];
    if (!reach) return false;
    if (reach === 'any' || target === undefined) return true;
    return grantCovers(grant, target);
  });
}

export function scopeIdsOf(actor: Actor | undefined, role: Role): string[] {
  if (!actor) return [];
  return actor.grants.filter((grant) => grant.role === role && grant.scopeId !== null).map((grant) => grant.scopeId as string);
}

export function hasRole(actor: Actor | undefined, role: Role): boolean {
  return actor?.grants.some((grant) => grant.role === role) ?? false;
}
