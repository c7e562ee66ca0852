import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import accessibilityEn from './accessibility.en.json' with { type: 'json' };
import accessibilityNl from './accessibility.nl.json' with { type: 'json' };
import accountEn from './account.en.json' with { type: 'json' };
import accountNl from './account.nl.json' with { type: 'json' };
import adminEn from './admin.en.json' with { type: 'json' };
import adminNl from './admin.nl.json' with { type: 'json' };
import attachmentsEn from './attachments.en.json' with { type: 'json' };
import attachmentsNl from './attachments.nl.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import exportEn from './export.en.json' with { type: 'json' };
import exportNl from './export.nl.json' with { type: 'json' };
import homeEn from './home.en.json' with { type: 'json' };
import homeNl from './home.nl.json' with { type: 'json' };
import insightsEn from './insights.en.json' with { type: 'json' };
import insightsNl from './insights.nl.json' with { type: 'json' };
import meetingsEn from './meetings.en.json' with { type: 'json' };
import meetingsNl from './meetings.nl.json' with { type: 'json' };
import plansEn from './plans.en.json' with { type: 'json' };
import plansNl from './plans.nl.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
import platformEn from './platform.en.json' with { type: 'json' };
import platformNl from './platform.nl.json' with { type: 'json' };
import publicActionPlanEn from './publicActionPlan.en.json' with { type: 'json' };
import publicActionPlanNl from './publicActionPlan.nl.json' with { type: 'json' };
import reportingEn from './reporting.en.json' with { type: 'json' };
import reportingNl from './reporting.nl.json' with { type: 'json' };
import reportsEn from './reports.en.json' with { type: 'json' };
import reportsNl from './reports.nl.json' with { type: 'json' };
import reportsAdminEn from './reportsAdmin.en.json' with { type: 'json' };
import reportsAdminNl from './reportsAdmin.nl.json' with { type: 'json' };
import requestsEn from './requests.en.json' with { type: 'json' };
import requestsNl from './requests.nl.json' with { type: 'json' };
import securityEn from './security.en.json' with { type: 'json' };
import securityNl from './security.nl.json' with { type: 'json' };

export type Language = 'nl' | 'en';
// One catalogue per language, kept in a file per area of the app.
const catalogues: Record<Language, Record<string, string>> = { nl: { ...nl, ...homeNl, ...adminNl, ...requestsNl, ...attachmentsNl, ...insightsNl, ...exportNl, ...securityNl, ...accountNl, ...accessibilityNl, ...meetingsNl, ...plansNl, ...publicActionPlanNl, ...reportingNl, ...reportsNl, ...reportsAdminNl, ...platformNl }, en: { ...en, ...homeEn, ...adminEn, ...requestsEn, ...attachmentsEn, ...insightsEn, ...exportEn, ...securityEn, ...accountEn, ...accessibilityEn, ...meetingsEn, ...plansEn, ...publicActionPlanEn, ...reportingEn, ...reportsEn, ...reportsAdminEn, ...platformEn } };
const storageKey = 'wijkwerk.language';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The text for a key in the current language; {name} placeholders are filled from params. */
  t(key: string, params?: Record<string, string | number>): string;
  /** A record's name in the current language: its English name where it has one (departments, partners…). */
  nameOf(item: { name: string; nameEn?: string | null } | { nameNl: string; nameEn: string }): string;
}

/** Themes carry nameNl and nameEn; the other reference lists name and an optional nameEn. */
export function localName(item: { name: string; nameEn?: string | null } | { nameNl: string; nameEn: string }, language: Language): string {
  if (language === 'en' && item.nameEn) return item.nameEn;
  return 'nameNl' in item ? item.nameNl : item.name;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  return stored === 'en' || stored === 'nl' ? stored : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    setLanguageState(next);
  }, []);
  const t = useCallback(
    (key: string, params?: Record<string, string | number>) => {
      const template = catalogues[language][key] ?? catalogues.nl[key] ?? key;
      return params ? template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : template;
    },
    [language],
  );
  const nameOf = useCallback((item: Parameters<I18n['nameOf']>[0]) => localName(item, language), [language]);
  const value = useMemo(() => ({ language, setLanguage, t, nameOf }), [language, setLanguage, t, nameOf]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** Whether the catalogue of this language has its own text for a key (no fallback to Dutch). */
export function hasText(language: Language, key: string): boolean {
  return key in catalogues[language];
}

/** The current language for code outside React (the API client). */
export function currentLanguage(): Language {
  return initialLanguage();
}
