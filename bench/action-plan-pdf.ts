// node bench/action-plan-pdf.ts — a pure in-process measurement of rendering a large wijkactieplan as tagged PDF:
// 200 actions over 10 challenges, rendered N times on generated input, no database, no HTTP.
import { pathToFileURL } from 'node:url';
import { type PlanDocument, renderPlanPdf } from '../server/modules/action-plans/action-plan-document.ts';

export const planPdfTargetMs = 2000;

const statuses = ['not_started', 'on_track', 'at_risk', 'delayed', 'done', 'dropped'] as const;

/** A deterministic plan the size of a busy neighbourhood's: every field filled, Dutch text with ë, é and €. */
export function generatePlanDocument(challengeCount = 10, actionsPerChallenge = 20): PlanDocument {
  return {
    language: 'nl',
    municipalityName: 'Helmond',
    neighbourhoodName: 'Brandevoort',
    title: 'Samen werken aan een schone, veilige en levendige wijk',
    versionNumber: 3,
    adoptedOn: '2026-12-04',
    periodStartsOn: '2027-01-01',
    periodEndsOn: '2030-12-31',
    generatedOn: '2026-12-03',
    challenges: Array.from({ length: challengeCount }, (_, challengeIndex) => ({
      title: `Opgave ${challengeIndex + 1}: ontmoeting en leefbaarheid`,
      description: 'Bewoners willen elkaar vaker ontmoeten en voelen zich niet overal veilig. Deze opgave bundelt de acties van gemeente, partners en wijkraad.',
      themes: ['Openbare ruimte', 'Veiligheid', 'Jeugd'],
      actions: Array.from({ length: actionsPerChallenge }, (_, actionIndex) => {
        const number = challengeIndex * actionsPerChallenge + actionIndex + 1;
        return {
          title: `Actie ${number}: coöperatief buurtcafé`,
          specific: 'Eén keer per maand een inloopavond in de Brede School, met een budget van € 1.250 voor koffie, thee en een vrijwilligersbedankje.',
          location: number % 3 === 0 ? null : 'Brede School Brandevoort',
          indicator: 'Bezoekers per avond',
          baseline: 12,
          target: 40,
          unit: 'bezoekers',
          ownerName: number % 2 === 0 ? 'Afdeling Maatschappelijke Ontwikkeling' : 'Wijkraad Brandevoort',
          startsOn: '2027-02-01',
          deadlineOn: '2028-06-30',
          status: statuses[number % statuses.length]!,
          currentValue: number % 4 === 0 ? null : 25,
        };
      }),
    })),
  };
}

export async function measurePlanPdf(runs = 20) {
  const plan = generatePlanDocument();
  // One render first: loads the font files and warms the code, as a running server would have done long before.
  let bytes = (await renderPlanPdf(plan)).length;
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    bytes = (await renderPlanPdf(plan)).length;
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const actions = plan.challenges.reduce((count, challenge) => count + challenge.actions.length, 0);
  return {
    actions,
    runs,
    medianMs: Math.round(timings[Math.floor(timings.length / 2)]!),
    p95Ms: Math.round(timings[Math.min(timings.length - 1, Math.ceil(timings.length * 0.95) - 1)]!),
    kilobytes: Math.round(bytes / 1024),
    targetMs: planPdfTargetMs,
  };
}

export function describePlanPdfMeasurement(measured: Awaited<ReturnType<typeof measurePlanPdf>>): string {
  const isMet = measured.p95Ms < measured.targetMs;
  return `Wijkactieplan as tagged PDF, ${measured.actions} actions, ${measured.runs} runs: median ${measured.medianMs} ms, p95 ${measured.p95Ms} ms (target < ${measured.targetMs} ms: ${isMet ? 'met' : 'NOT met'}); ${measured.kilobytes} kB.`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(`${describePlanPdfMeasurement(await measurePlanPdf())}\n`);
