import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { sniffMediaType, type UploadedFile } from '../../platform/file-uploads.ts';
import { can } from '../../platform/permissions.ts';
import { describeByteLimit } from '../../platform/uploaded-files.ts';
import { type AppearanceInput, formsOfAddress, logoMediaTypes } from './appearance.contract.ts';
import { colourRoles, coloursWithLowContrast, describeRatio } from './appearance.rules.ts';
import { municipalityErrors } from './municipality.errors.ts';
import { municipalityPermissions } from './municipality.permissions.ts';
import { createMunicipalityRepository } from './municipality.repository.ts';

/** A logo is shown small in the header: 200 kB is plenty for a sharp PNG or WebP. */
export const logoMaxBytes = 200 * 1024;

const section = 'appearance';

/** Until the municipality sets its own: the registered name, NL Design System's standard colours, "je", no contact. */
function appearanceFrom(stored: unknown): AppearanceInput {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Partial<AppearanceInput>;
  const colours = (value.colours ?? {}) as Partial<AppearanceInput['colours']>;
  const contact = (value.contact ?? {}) as Partial<AppearanceInput['contact']>;
  return {
    displayName: value.displayName ?? null,
    colours: Object.fromEntries(colourRoles.map((role) => [role, colours[role] ?? null])) as AppearanceInput['colours'],
    formOfAddress: formsOfAddress.includes(value.formOfAddress as never) ? (value.formOfAddress as AppearanceInput['formOfAddress']) : 'je',
    contact: { phone: contact.phone ?? null, email: contact.email ?? null, address: contact.address ?? null, website: contact.website ?? null },
  };
}

export function logoTooLarge(): DomainError {
  const limit = describeByteLimit(logoMaxBytes);
  return new DomainError(municipalityErrors.LOGO_TOO_LARGE, { params: { limit }, fields: [{ field: 'body.file', code: 'logoTooLarge', params: { limit } }] });
}

/** The municipality's name, logo, colours, form of address and contact details: public, kept by its administrators. */
export function createAppearanceService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  async function read(tx: Executor, municipalityId: string) {
    const municipalities = createMunicipalityRepository(tx);
    const tenant = await municipalities.findById(municipalityId);
    if (!tenant) throw new DomainError('NOT_FOUND');
    const logo = await municipalities.findLogoVersion(municipalityId);
    return {
      municipalityName: tenant.name,
      ...appearanceFrom(await municipalities.readSettings(municipalityId, section)),
      logoUrl: logo ? `/api/v1/municipalities/${tenant.slug}/appearance/logo?v=${logo.uploadedAt.getTime()}` : null,
    };
  }

  function assertCanManage(context: UseCaseContext) {
    if (!can(context.actor, municipalityPermissions['municipality.manageAppearance'])) throw new DomainError('FORBIDDEN');
  }

  return {
    maxLogoBytes: logoMaxBytes,

    getAppearance: (context: UseCaseContext) => read(db, context.municipalityId),

    async updateAppearance(context: UseCaseContext, input: AppearanceInput) {
      assertCanManage(context);
      const unreadable = coloursWithLowContrast(input.colours);
      if (unreadable.length > 0) {
        throw new DomainError('VALIDATION_FAILED', { fields: unreadable.map(({ role, ratio }) => ({ field: `body.colours.${role}`, code: 'lowContrast', params: { ratio: describeRatio(ratio) } })) });
      }
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        const before = appearanceFrom(await municipalities.readSettings(context.municipalityId, section));
        await municipalities.writeSettings(context.municipalityId, section, input);
        // The contact details are the municipality's own public ones, not a person's: they may be in the audit log.
        await recordAudit(tx, clock, context, { action: 'municipality.appearance.update', entityType: 'municipality', entityId: context.municipalityId, before, after: input });
        return read(tx, context.municipalityId);
      });
    },

    async replaceLogo(context: UseCaseContext, file: UploadedFile) {
      assertCanManage(context);
      if (file.content.length > logoMaxBytes) throw logoTooLarge();
      // The type comes from the bytes. SVG is refused: it is a document that can carry script, not only a picture.
      const mediaType = await sniffMediaType(file.content);
      if (!logoMediaTypes.includes(mediaType as never)) throw new DomainError(municipalityErrors.LOGO_TYPE_NOT_ALLOWED, { fields: [{ field: 'body.file', code: 'logoType' }] });
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        await municipalities.saveLogo({ municipalityId: context.municipalityId, mediaType: mediaType as string, content: file.content, sizeBytes: file.content.length, uploadedAt: clock.now() });
        await recordAudit(tx, clock, context, { action: 'municipality.logo.replace', entityType: 'municipality', entityId: context.municipalityId, after: { mediaType, sizeBytes: file.content.length } });
        return read(tx, context.municipalityId);
      });
    },

    async removeLogo(context: UseCaseContext) {
      assertCanManage(context);
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        if (await municipalities.deleteLogo(context.municipalityId)) {
          await recordAudit(tx, clock, context, { action: 'municipality.logo.remove', entityType: 'municipality', entityId: context.municipalityId });
        }
        return read(tx, context.municipalityId);
      });
    },

    async getLogo(context: UseCaseContext) {
      const logo = await createMunicipalityRepository(db).findLogo(context.municipalityId);
      if (!logo) throw new DomainError('NOT_FOUND');
      return logo;
    },
  };
}

export type AppearanceService = ReturnType<typeof createAppearanceService>;
