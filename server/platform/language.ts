export type Language = 'nl' | 'en';

/** Dutch first: English only when the client prefers it over Dutch. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'nl';
  let best: { language: Language; quality: number } = { language: 'nl', quality: -1 };
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...parameters] = part.trim().toLowerCase().split(';');
    const qualityParameter = parameters.find((parameter) => parameter.trim().startsWith('q='));
    const quality = qualityParameter ? Number(qualityParameter.trim().slice(2)) : 1;
    const language = tag?.startsWith('nl') ? 'nl' : tag?.startsWith('en') ? 'en' : undefined;
    if (language && quality > best.quality) best = { language, quality };
  }
  return best.quality < 0 ? 'nl' : best.language;
}
