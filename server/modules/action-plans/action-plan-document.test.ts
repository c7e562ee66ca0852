import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { type PlanDocument, type PlanDocumentAction, type ProgressReportDocument, renderPlanPdf, renderProgressReportPdf } from './action-plan-document.ts';

function planAction(overrides: Partial<PlanDocumentAction> = {}): PlanDocumentAction {
  return {
    title: 'Extra prullenbakken bij de scholen',
    specific: 'Tien prullenbakken langs de schoolroute, budget € 1.250',
    location: 'Hortsedijk',
    indicator: 'Meldingen zwerfafval',
    baseline: 120,
    target: 80,
    unit: 'meldingen',
    ownerName: 'Afdeling Openbare Ruimte',
    startsOn: '2027-01-04',
    deadlineOn: '2026-12-04',
    status: 'on_track',
    currentValue: 95,
    ...overrides,
  };
}

function plan(overrides: Partial<PlanDocument> = {}): PlanDocument {
  return {
    language: 'nl',
    municipalityName: 'Helmond',
    neighbourhoodName: 'Brandevoort',
    title: 'Samen sterker in de wijk',
    versionNumber: 3,
    adoptedOn: '2026-12-04',
    periodStartsOn: '2027-01-01',
    periodEndsOn: '2030-12-31',
    generatedOn: '2026-12-03',
    challenges: [
      { title: 'Schoon en heel', description: 'Minder zwerfafval rond de scholen.', themes: ['Openbare ruimte', 'Jeugd'], actions: [planAction(), planAction({ title: 'Coöperatieve opschoondag', status: null, currentValue: null })] },
      { title: 'Ontmoeten', description: null, themes: [], actions: [planAction({ title: 'Buurtcafé in de Brede School', indicator: null, baseline: null, target: null, unit: null })] },
    ],
    ...overrides,
  };
}

async function readPdf(bytes: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text: pages } = await extractText(pdf, { mergePages: false });
  const info = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
  // Words wrap inside narrow table cells: compare with the line breaks as spaces, as a reader hears it.
  return { pdf, pages, text: pages.join('\n').replace(/\s+/g, ' '), lines: pages.join('\n'), info, raw: bytes.toString('latin1') };
}

/** Every role in the structure tree of one page, depth first. */
async function rolesOnPage(pdf: Awaited<ReturnType<typeof getDocumentProxy>>, pageNumber: number): Promise<string[]> {
  type Node = { role?: string; children?: Node[] };
  const roles: string[] = [];
  const visit = (node: Node) => {
    if (node.role) roles.push(node.role);
    for (const child of node.children ?? []) visit(child);
  };
  visit((await (await pdf.getPage(pageNumber)).getStructTree()) as Node);
  return roles;
}

/** The text a page draws as artifacts (running header, footer, repeated table header): what a reader skips. */
async function artifactTextOnPage(pdf: Awaited<ReturnType<typeof getDocumentProxy>>, pageNumber: number): Promise<string> {
  const content = await (await pdf.getPage(pageNumber)).getTextContent({ includeMarkedContent: true });
  // Marked content nests: a stack of open tags says whether the text at hand is inside an artifact.
  const open: string[] = [];
  let text = '';
  for (const item of content.items) {
    if ('type' in item && item.type.startsWith('beginMarkedContent')) open.push((item as { tag?: string }).tag ?? '');
    else if ('type' in item && item.type === 'endMarkedContent') open.pop();
    else if ('str' in item && open.includes('Artifact')) text += `${item.str} `;
  }
  return text;
}

describe('the wijkactieplan as a tagged PDF', () => {
  it('is marked as tagged, in Dutch, with its title in the title bar and in the metadata', async () => {
    const { pdf, info, raw } = await readPdf(await renderPlanPdf(plan()));
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    expect(info.Language).toBe('nl-NL');
    expect(info.Title).toBe('Wijkactieplan Brandevoort: Samen sterker in de wijk');
    expect(info.Author).toBe('Helmond');
    expect(info.Creator).toBe('Wijkwerk');
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R|\/Marked true/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    // Header cells say which way they head, so that a reader announces the column with each cell.
    expect(raw).toMatch(/\/Scope \/Column/);
  });

  it('shows the cover, every challenge and every action with Dutch words, characters and dates', async () => {
    const { text } = await readPdf(await renderPlanPdf(plan()));
    for (const expected of [
      'Gemeente Helmond',
      'Wijkactieplan Brandevoort',
      'Samen sterker in de wijk',
      'Versie 3, vastgesteld op 4 december 2026',
      'Periode: 1 januari 2027 tot en met 31 december 2030',
      'Schoon en heel',
      'Minder zwerfafval rond de scholen.',
      'Openbare ruimte',
      'Ontmoeten',
      'Extra prullenbakken bij de scholen',
      'Coöperatieve opschoondag',
      'Buurtcafé in de Brede School',
      '€ 1.250',
      '120 → 80 meldingen',
      'Afdeling Openbare Ruimte',
      'op schema',
      'Uiterlijk klaar',
      'Pagina 1 van',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('null');
  });

  it('tags headings, lists and tables with header cells, and leaves page furniture as artifacts', async () => {
    const { pdf } = await readPdf(await renderPlanPdf(plan()));
    expect(await rolesOnPage(pdf, 1)).toEqual(expect.arrayContaining(['Document', 'H1', 'P']));
    const roles = await rolesOnPage(pdf, 2);
    for (const role of ['Sect', 'H2', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD']) expect(roles).toContain(role);
    expect(await artifactTextOnPage(pdf, 2)).toMatch(/Pagina 2 van \d/);
    expect(await artifactTextOnPage(pdf, 2)).toContain('Wijkactieplan Brandevoort · Helmond');
  });

  it('says Concept for a draft and speaks English when asked', async () => {
    const { text: draft } = await readPdf(await renderPlanPdf(plan({ versionNumber: null, adoptedOn: null })));
    expect(draft).toContain('Concept');
    expect(draft).not.toContain('Versie');

    const { text, info } = await readPdf(await renderPlanPdf(plan({ language: 'en' })));
    expect(info.Language).toBe('en-GB');
    for (const expected of ['Neighbourhood action plan Brandevoort', 'Version 3, adopted on 4 December 2026', 'Period: 1 January 2027 to 31 December 2030', 'Measurable', 'Deadline', 'on track', 'Page 1 of'])
      expect(text).toContain(expected);
    expect(text).not.toContain('Trekker');
  });

  it('keeps all 200 actions of a plan that runs over many pages, with the table header on each page', async () => {
    const challenges = Array.from({ length: 10 }, (_, challengeIndex) => ({
      title: `Opgave ${challengeIndex + 1}`,
      description: 'Een opgave met veel acties.',
      themes: ['Wonen'],
      actions: Array.from({ length: 20 }, (_, actionIndex) => planAction({ title: `Actie ${challengeIndex * 20 + actionIndex + 1} ë` })),
    }));
    const { pdf, lines } = await readPdf(await renderPlanPdf(plan({ challenges })));
    expect(pdf.numPages).toBeGreaterThan(15);
    for (let number = 1; number <= 200; number++) expect(lines).toContain(`Actie ${number} ë\n`);
    // A page that starts in the middle of a table repeats its header, as an artifact.
    const middle = Math.floor(pdf.numPages / 2);
    const pagesWithRepeatedHeader = [];
    for (let page = 2; page <= pdf.numPages; page++) if ((await artifactTextOnPage(pdf, page)).includes('Uiterlijk klaar')) pagesWithRepeatedHeader.push(page);
    expect(pagesWithRepeatedHeader.length).toBeGreaterThan(5);
    expect(await artifactTextOnPage(pdf, middle)).toContain(`Pagina ${middle} van ${pdf.numPages}`);
  });
});

function report(overrides: Partial<ProgressReportDocument> = {}): ProgressReportDocument {
  return {
    language: 'nl',
    municipalityName: 'Helmond',
    neighbourhoodName: 'Brandevoort',
    planTitle: 'Samen sterker in de wijk',
    versionNumber: 3,
    reportNumber: 2,
    periodStartsOn: '2027-01-01',
    periodEndsOn: '2027-06-30',
    generatedOn: '2027-07-01',
    rollup: { total: 12, done: 3, overdue: 1, atRisk: 2, delayed: 1, dropped: 1, percentDone: 25 },
    challenges: [
      {
        title: 'Schoon en heel',
        actions: [
          { title: 'Extra prullenbakken', ownerName: 'Afdeling Openbare Ruimte', deadlineOn: '2027-03-01', status: 'delayed', currentValue: 4, target: 10, unit: 'prullenbakken', note: 'Leverancier is laat', isOverdue: true },
          { title: 'Opschoondag', ownerName: 'Wijkraad Brandevoort', deadlineOn: '2027-04-15', status: 'done', currentValue: null, target: null, unit: null, note: null, isOverdue: false },
        ],
      },
    ],
    successes: [{ title: 'Opschoondag', doneOn: '2027-04-12' }],
    ...overrides,
  };
}

describe('the progress report as a tagged PDF', () => {
  it('has its title, period, figures, statuses in words and successes', async () => {
    const { pdf, text, info, raw } = await readPdf(await renderProgressReportPdf(report()));
    expect(info.Title).toBe('Voortgangsrapportage 2 — Brandevoort');
    expect(info.Language).toBe('nl-NL');
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    for (const expected of [
      'Voortgangsrapportage 2 — Brandevoort',
      'Periode: 1 januari 2027 tot en met 30 juni 2027',
      'Acties in totaal',
      '25%',
      'Extra prullenbakken',
      'vertraagd',
      'te laat',
      '4 / 10 prullenbakken',
      'afgerond',
      'Successen',
      'Opschoondag (afgerond op 12 april 2027)',
    ])
      expect(text).toContain(expected);
    const roles = await rolesOnPage(pdf, 1);
    for (const role of ['H1', 'H2', 'Table', 'TH', 'TD', 'L', 'LI']) expect(roles).toContain(role);
    // The summary's labels head their rows.
    expect(raw).toMatch(/\/Scope \/Row/);
  });

  it('speaks English when asked and says when nothing is done yet', async () => {
    const { text, info } = await readPdf(await renderProgressReportPdf(report({ language: 'en', successes: [], rollup: { ...report().rollup, percentDone: null } })));
    expect(info.Language).toBe('en-GB');
    for (const expected of ['Progress report 2 — Brandevoort', 'delayed', 'overdue', 'Successes', 'No action was completed in this period yet.', 'not yet known']) expect(text).toContain(expected);
  });
});
