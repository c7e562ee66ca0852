import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const kindsOf = async (municipality = tenantPath) => (await t.request({ url: `${municipality}/meeting-kinds` })).json().items as { id: string; code: string; version: number; [field: string]: unknown }[];

describe('meeting kinds', () => {
  it('gives anyone the note’s three meetings and the two outside the structure, with their rules', async () => {
    const kinds = await kindsOf();
    expect(kinds.map((kind) => kind.code)).toEqual(['wijktafel', 'wijkwerkoverleg', 'wijkbezoek', 'bilateral', 'ad_hoc']);
    expect(kinds[0]).toMatchObject({ nameNl: 'Wijktafel', initiators: ['municipality'], chairRule: 'neighbourhood_policy_alderman', character: 'closed_with_public_closing', frequencyRule: 'every_years', frequencyValue: 2, countsTowardStructure: true });
    expect(kinds[1]).toMatchObject({ chairRule: 'subject_alderman', character: 'closed_optional_public_part', frequencyRule: 'yearly_target', needsDossiers: true, minutesDueWorkingDays: 10 });
    expect(kinds[2]).toMatchObject({ chairRule: 'council', character: 'public', frequencyRule: 'per_council_term', frequencyValue: 1, takesPlaceInNeighbourhood: true });
    expect(kinds[2].optionalParticipants).toContain('municipal_council_members');
    expect(kinds.slice(3).every((kind) => kind.countsTowardStructure === false && kind.frequencyRule === 'none')).toBe(true);
  });

  it('lets an administrator tailor a kind, audited, and refuses a kind that does not hang together', async () => {
    const admin = await t.logIn('admin');
    const wijkwerkoverleg = (await kindsOf()).find((kind) => kind.code === 'wijkwerkoverleg')!;
    const url = `${tenantPath}/meeting-kinds/${wijkwerkoverleg.id}`;
    const changed = await t.request({ method: 'PATCH', url, as: admin, payload: { version: wijkwerkoverleg.version, minutesDueWorkingDays: 15, purposeNl: 'Verdieping in één of meer dossiers, met wie erover gaat.' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ minutesDueWorkingDays: 15, version: wijkwerkoverleg.version + 1 });
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=meeting_kind&entityId=${wijkwerkoverleg.id}`, as: admin })).json();
    expect(audit.items.map((item: { action: string }) => item.action)).toEqual(['meeting_kind.update']);

    const before = await fingerprintDatabase(t.database.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ frequencyRule: 'every_years' }, 'body.frequencyValue', 'frequencyValueRequired'],
      [{ frequencyValue: 2 }, 'body.frequencyValue', 'frequencyValueNotUsed'],
      [{ optionalParticipants: ['council'] }, 'body.optionalParticipants', 'groupBothRequiredAndOptional'],
      [{ initiators: [] }, 'body.initiators', 'tooSmall'],
      [{ chairRule: 'mayor' }, 'body.chairRule', 'invalidOption'],
    ];
    for (const [change, field, code] of cases) {
      const refused = await t.request({ method: 'PATCH', url, as: admin, payload: { version: wijkwerkoverleg.version + 1, ...change }, headers: { 'accept-language': 'nl' } });
      expect(refused.statusCode, JSON.stringify(change)).toBe(400);
      const problem = refused.json().errors.find((error: { field: string }) => error.field === field);
      expect(problem, JSON.stringify(refused.json())).toBeDefined();
      if (!['tooSmall', 'invalidOption'].includes(code)) expect(problem.code).toBe(code);
      expect(problem.message).not.toMatch(/frequencyValue|optionalParticipants|string|enum/);
    }
    const adHoc = (await kindsOf()).find((kind) => kind.code === 'ad_hoc')!;
    const fixed = await t.request({ method: 'PATCH', url: `${tenantPath}/meeting-kinds/${adHoc.id}`, as: admin, payload: { version: adHoc.version, frequencyRule: 'every_years', frequencyValue: 1 } });
    expect(fixed.json().errors[0]).toMatchObject({ field: 'body.frequencyRule', code: 'frequencyNotForThisKind' });
    const stale = await t.request({ method: 'PATCH', url, as: admin, payload: { version: wijkwerkoverleg.version, minutesDueWorkingDays: 5 } });
    expect(stale.statusCode).toBe(409);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('lets nobody but an administrator change a kind, and no administrator of another municipality', async () => {
    const wijktafel = (await kindsOf()).find((kind) => kind.code === 'wijktafel')!;
    const url = `${tenantPath}/meeting-kinds/${wijktafel.id}`;
    const payload = { version: wijktafel.version, chairRule: 'free' };
    expect((await t.request({ method: 'PATCH', url, payload })).statusCode).toBe(401);
    for (const person of ['resident', 'councilMember', 'advisor', 'officer', 'alderman', 'partner'] as const) {
      expect((await t.request({ method: 'PATCH', url, payload, as: await t.logIn(person) })).statusCode, person).toBe(403);
    }
    const eindhoven = await t.logIn(t.other.adminLogin);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/municipalities/eindhoven/meeting-kinds/${wijktafel.id}`, payload, as: eindhoven })).statusCode).toBe(404);
    expect((await kindsOf()).find((kind) => kind.code === 'wijktafel')).toMatchObject({ chairRule: 'neighbourhood_policy_alderman', version: wijktafel.version });
    // Eindhoven has its own five.
    expect((await kindsOf('/api/v1/municipalities/eindhoven')).map((kind) => kind.code)).toHaveLength(5);
  });
});
