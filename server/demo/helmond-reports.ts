import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { area, neighbourhood } from '../modules/neighbourhoods/index.ts';
import { handleByFor, placeOf, report, reportCategory, reportEvent, reportReferenceCounter, reportSatisfaction } from '../modules/reports/index.ts';
import type { Clock } from '../platform/clock.ts';
import { dateInAmsterdam } from '../platform/working-days.ts';

/** What Helmond's residents report most, with how often (weights): litter and lights lead, as everywhere. */
const kinds = [
  { code: 'prullenbak-is-vol', weight: 14, text: 'De prullenbak bij het speelveld zit vol en het afval waait de straat op.' },
  { code: 'veeg-zwerfvuil', weight: 12, text: 'Veel zwerfvuil langs het fietspad, vooral blikjes en plastic.' },
  { code: 'grofvuil', weight: 8, text: 'Er staat al dagen een oude bank en een matras naast de container.' },
  { code: 'straatverlichting-openbare-klok', weight: 12, text: 'De lantaarnpaal op de hoek doet het niet; het is er ’s avonds erg donker.' },
  { code: 'onderhoud-stoep-straat-en-fietspad', weight: 10, text: 'Losliggende stoeptegels voor de ingang van de flat; mensen struikelen erover.' },
  { code: 'boom', weight: 7, text: 'Een grote tak van de boom hangt los boven het voetpad.' },
  { code: 'maaien-snoeien', weight: 6, text: 'De struiken bij de oversteekplaats zijn zo hoog dat je het verkeer niet ziet aankomen.' },
  { code: 'hondenpoep', weight: 6, text: 'Veel hondenpoep op het grasveld waar kinderen spelen.' },
  { code: 'graffiti-wildplak', weight: 5, text: 'Nieuwe graffiti op de muur van het wijkgebouw.' },
  { code: 'fietswrak', weight: 4, text: 'Al maanden een fietswrak zonder wielen aan het hek bij de bushalte.' },
  { code: 'parkeeroverlast', weight: 5, text: 'Auto’s parkeren steeds op de stoep, kinderwagens kunnen er niet langs.' },
  { code: 'speelplaats', weight: 4, text: 'De schommel in de speeltuin is kapot; er steekt een scherpe bout uit.' },
  { code: 'put-riolering-verstopt', weight: 4, text: 'Na de regen staat de straat blank; de put lijkt verstopt.' },
  { code: 'verkeerslicht', weight: 3, text: 'Het voetgangerslicht bij de kruising blijft op rood staan.' },
] as const;

const totalWeight = kinds.reduce((sum, kind) => sum + kind.weight, 0);

/** A small deterministic generator, so every fresh demo looks the same. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const messages = {
  accepted: 'Wij hebben uw melding bekeken en gaan ermee aan de slag.',
  done: 'Wij hebben uw melding afgehandeld. Dank u wel dat u het meldde.',
  cancelled: 'Wij hebben uw melding gesloten zonder actie, omdat er na controle niets te herstellen was.',
  forwarded: 'Dit valt niet onder de gemeente. Wij hebben uw melding doorgestuurd naar de partij die erover gaat.',
  reopened: 'U was niet tevreden; daarom is uw melding heropend.',
} as const;

/**
 * A year of public-space reports across Helmond's neighbourhoods: most dealt with in time, some overdue, some merged
 * into an earlier report, a few reopened after an unhappy answer. Reporters are invented (mail.example).
 */
export async function seedDemoReports(tx: Executor, clock: Clock, municipalityId: string, count = 900) {
  const random = randomFrom(794);
  const now = clock.now();
  const categories = await tx.select().from(reportCategory).where(eq(reportCategory.municipalityId, municipalityId));
  const categoryByCode = new Map(categories.map((row) => [row.code, row]));
  const neighbourhoods = await tx.select({ id: neighbourhood.id, boundary: neighbourhood.boundary }).from(neighbourhood).where(eq(neighbourhood.municipalityId, municipalityId));
  const areas = await tx.select({ id: area.id, neighbourhoodId: area.neighbourhoodId, boundary: area.boundary }).from(area).where(eq(area.municipalityId, municipalityId));

  const pickKind = () => {
    let roll = random() * totalWeight;
    for (const kind of kinds) {
      roll -= kind.weight;
      if (roll < 0) return kind;
    }
    return kinds[0];
  };
  // A point inside a neighbourhood: its hexagon's centre plus an offset that stays well inside the shape.
  const pointIn = (place: (typeof neighbourhoods)[number]) => {
    const ring = (place.boundary as { coordinates: number[][][] }).coordinates[0];
    const longitude = ring.slice(0, 6).reduce((sum, corner) => sum + corner[0], 0) / 6;
    const latitude = ring.slice(0, 6).reduce((sum, corner) => sum + corner[1], 0) / 6;
    return { longitude: Number((longitude + (random() - 0.5) * 0.01).toFixed(6)), latitude: Number((latitude + (random() - 0.5) * 0.006).toFixed(6)) };
  };

  const drafts = Array.from({ length: count }, (_, index) => {
    const kind = pickKind();
    const category = categoryByCode.get(kind.code)!;
    const place = neighbourhoods[Math.floor(random() * neighbourhoods.length)];
    const point = pointIn(place);
    const ageDays = Math.floor(random() ** 1.3 * 365);
    // Always at least an hour before the demo starts, so a report made in the demo is the newest.
    const createdAt = new Date(now.getTime() - ageDays * 86_400_000 - (1 + Math.floor(random() * 10)) * 3_600_000);
    return { index, kind, category, place, point, ageDays, createdAt, roll: random(), hasEmail: random() < 0.4 };
  }).sort((first, second) => first.createdAt.getTime() - second.createdAt.getTime());

  const numberByYear = new Map<number, number>();
  const rows: (typeof report.$inferInsert)[] = [];
  const events: (typeof reportEvent.$inferInsert)[] = [];
  const satisfactions: (typeof reportSatisfaction.$inferInsert)[] = [];
  const openByPlace = new Map<string, string>();
  for (const draft of drafts) {
    const reportedOn = dateInAmsterdam(draft.createdAt);
    const year = Number(reportedOn.slice(0, 4));
    const number = (numberByYear.get(year) ?? 0) + 1;
    numberByYear.set(year, number);
    const id = crypto.randomUUID();
    const token = randomBytes(24).toString('base64url');
    const handleBy = handleByFor(reportedOn, draft.category);
    const termDays = Math.max(1, draft.category.handlingDays ?? 5);
    // What happened since: old reports are mostly done; a few stayed open past their deadline.
    const isOld = draft.ageDays > termDays * 2 + 5;
    const placeKey = `${draft.place.id}:${draft.category.id}`;
    let status: (typeof report.$inferInsert)['status'];
    if (isOld) status = draft.roll < 0.8 ? 'done' : draft.roll < 0.87 ? 'cancelled' : draft.roll < 0.9 ? 'forwarded' : draft.roll < 0.95 && openByPlace.has(placeKey) ? 'merged' : 'in_progress';
    else if (draft.ageDays > 2) status = draft.roll < 0.45 ? 'done' : draft.roll < 0.7 ? 'accepted' : draft.roll < 0.85 ? 'planned' : 'reported';
    else status = draft.roll < 0.5 ? 'reported' : 'accepted';
    const handledAt = new Date(Math.min(now.getTime() - 3_600_000, draft.createdAt.getTime() + (0.3 + draft.roll) * termDays * 86_400_000));
    const isUnhappy = status === 'done' && draft.hasEmail && draft.roll < 0.08;
    if (isUnhappy) status = 'reopened';
    const closedAt = status === 'done' || status === 'cancelled' || status === 'forwarded' || status === 'merged' ? handledAt : null;
    const email = draft.hasEmail ? `melder.${draft.index + 1}@mail.example` : null;
    rows.push({
      id,
      municipalityId,
      reference: `M-${year}-${String(number).padStart(6, '0')}`,
      categoryId: draft.category.id,
      neighbourhoodId: draft.place.id,
      areaId: placeOf(areas.filter((candidate) => candidate.neighbourhoodId === draft.place.id), draft.point.longitude, draft.point.latitude)?.id ?? null,
      departmentId: draft.category.departmentId,
      latitude: draft.point.latitude,
      longitude: draft.point.longitude,
      description: draft.kind.text,
      status,
      priority: draft.roll > 0.93 ? 'high' : 'normal',
      handleBy,
      reporterEmail: email,
      reporterLanguage: 'nl',
      statusTokenHash: createHash('sha256').update(token).digest('hex'),
      statusTokenSealed: token,
      statusNotes: status === 'reported' ? '' : (messages[status as keyof typeof messages] ?? messages.accepted),
      forwardedTo: status === 'forwarded' ? 'Woningstichting Peelland' : null,
      mergedIntoReportId: status === 'merged' ? openByPlace.get(placeKey)! : null,
      closedAt,
      createdAt: draft.createdAt,
      updatedAt: closedAt ?? draft.createdAt,
    });
    if (status !== 'merged' && !closedAt) openByPlace.set(placeKey, id);
    else if (status !== 'merged' && !openByPlace.has(placeKey)) openByPlace.set(placeKey, id);
    events.push({ municipalityId, reportId: id, kind: 'submitted', toStatus: 'reported', details: { channel: 'web' }, createdAt: draft.createdAt });
    if (status !== 'reported') {
      const acceptedAt = new Date(draft.createdAt.getTime() + 4 * 3_600_000);
      events.push({ municipalityId, reportId: id, kind: 'statusChanged', fromStatus: 'reported', toStatus: 'accepted', messageToReporter: messages.accepted, createdAt: acceptedAt });
      const final = status === 'reopened' ? 'done' : status;
      if (final !== 'accepted') events.push({ municipalityId, reportId: id, kind: final === 'merged' ? 'merged' : 'statusChanged', fromStatus: 'accepted', toStatus: final, messageToReporter: messages[final as keyof typeof messages] ?? null, createdAt: handledAt });
    }
    if (status === 'done' && draft.hasEmail && draft.roll < 0.35) {
      satisfactions.push({ municipalityId, reportId: id, isSatisfied: true, categoryId: draft.category.id, departmentId: draft.category.departmentId, answeredAt: new Date(handledAt.getTime() + 86_400_000) });
    }
    if (isUnhappy) {
      const answeredAt = new Date(handledAt.getTime() + 3_600_000);
      satisfactions.push({ municipalityId, reportId: id, isSatisfied: false, reasonCode: 'niet-opgelost', comment: 'Het probleem is er nog steeds.', didReopen: true, categoryId: draft.category.id, departmentId: draft.category.departmentId, answeredAt });
      events.push({ municipalityId, reportId: id, kind: 'satisfaction', fromStatus: 'done', toStatus: 'reopened', messageToReporter: messages.reopened, details: { isSatisfied: false, reasonCode: 'niet-opgelost' }, createdAt: answeredAt });
    }
  }
  for (let start = 0; start < rows.length; start += 200) await tx.insert(report).values(rows.slice(start, start + 200));
  for (let start = 0; start < events.length; start += 500) await tx.insert(reportEvent).values(events.slice(start, start + 500));
  if (satisfactions.length > 0) await tx.insert(reportSatisfaction).values(satisfactions);
  for (const [year, lastNumber] of numberByYear) await tx.insert(reportReferenceCounter).values({ municipalityId, year, lastNumber });
}
