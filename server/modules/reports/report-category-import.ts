import { readFileSync } from 'node:fs';
import type { Executor } from '../../db/client.ts';
import { createReportRepository } from './report.repository.ts';
import type { DayKind, ReportQuestion } from './report-category.rules.ts';

interface DefaultCategory {
  code: string;
  name: string;
  subcategories: { code: string; name: string; handlingDays: number | null; dayKind: DayKind | null }[];
}

/**
 * A Dutch municipal taxonomy of public-space problems with default handling terms (from Amsterdam's Signalen),
 * the starting list a municipality edits. Read when a municipality is given its categories, not at start-up.
 */
function defaultCategories(): { categories: DefaultCategory[]; englishNames: Record<string, string> } {
  const dutch = JSON.parse(readFileSync(new URL('./default-categories.nl.json', import.meta.url), 'utf8')) as { categories: DefaultCategory[] };
  const english = JSON.parse(readFileSync(new URL('./default-categories.en.json', import.meta.url), 'utf8')) as { names: Record<string, string> };
  return { categories: dutch.categories, englishNames: english.names };
}

export interface CategoryImportOptions {
  /** Department per category code (a main category's covers its subcategories unless they have their own). */
  departmentIdByCode?: Record<string, string | null>;
  /** Extra questions per subcategory code. */
  questionsByCode?: Record<string, ReportQuestion[]>;
}

/** Gives a municipality the default categories; a municipality that has categories already is left alone. */
export async function loadReportCategories(tx: Executor, municipalityId: string, options: CategoryImportOptions = {}): Promise<number> {
  const repository = createReportRepository(tx);
  if ((await repository.countCategories(municipalityId)) > 0) return 0;
  const { categories, englishNames } = defaultCategories();
  const routing = options.departmentIdByCode ?? {};
  const mainCodes = new Set(categories.map((main) => main.code));
  let count = 0;
  for (const [mainIndex, main] of categories.entries()) {
    const parent = await repository.insertCategory({ municipalityId, code: main.code, name: main.name, nameEn: englishNames[main.code] ?? null, departmentId: routing[main.code] ?? null, sortOrder: mainIndex });
    count++;
    for (const [index, sub] of main.subcategories.entries()) {
      // Codes are unique across main and subcategories ("Overig" has a subcategory "Overig").
      const code = mainCodes.has(sub.code) ? `${sub.code}-melding` : sub.code;
      await repository.insertCategory({
        municipalityId,
        parentId: parent.id,
        code,
        name: sub.name,
        nameEn: englishNames[sub.code] ?? null,
        handlingDays: sub.handlingDays,
        dayKind: sub.dayKind ?? 'working',
        departmentId: sub.code in routing ? routing[sub.code] : (routing[main.code] ?? null),
        questions: options.questionsByCode?.[sub.code] ?? [],
        // "Overig" last within its main category, as reporters look for the specific one first.
        sortOrder: sub.code.startsWith('overig') ? 999 : index,
      });
      count++;
    }
  }
  return count;
}
