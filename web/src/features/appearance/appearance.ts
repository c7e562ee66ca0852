import { useQuery } from '@tanstack/react-query';
import { type CSSProperties, useCallback } from 'react';
import { api, tenantPath } from '../../api/client.ts';
import type { MunicipalityAppearance } from '../../api/types.ts';
import { hasText, useI18n } from '../../i18n/i18n.tsx';

export type Colours = MunicipalityAppearance['colours'];

export function appearanceKey(municipality: string) {
  return ['appearance', municipality];
}

/** The municipality's name as shown, logo, colours, form of address and contact details (public). */
export function useAppearance(municipality: string) {
  return useQuery({ queryKey: appearanceKey(municipality), queryFn: () => api<MunicipalityAppearance>(tenantPath(municipality, '/appearance')), staleTime: 300_000, enabled: Boolean(municipality) });
}

/**
 * The municipality's colours as the Utrecht design tokens the NL Design System components read. Every token that
 * the theme derives from another is set too: a derived token is worked out where the theme declares it (the body),
 * so changing only its source further down would not reach it.
 */
export function themeStyleOf(colours: Partial<Colours> | undefined): CSSProperties {
  const style: Record<string, string> = {};
  const primary = colours?.primary;
  const primaryHover = colours?.primaryHover ?? primary;
  if (primary) {
    for (const state of ['', 'active-', 'focus-', 'pressed-']) {
      style[`--utrecht-button-primary-action-${state}background-color`] = primary;
      style[`--utrecht-button-primary-action-${state}border-color`] = primary;
      style[`--utrecht-button-primary-action-${state}color`] = '#ffffff';
    }
  }
  if (primaryHover) {
    style['--utrecht-button-primary-action-hover-background-color'] = primaryHover;
    style['--utrecht-button-primary-action-hover-border-color'] = primaryHover;
    style['--utrecht-button-primary-action-hover-color'] = '#ffffff';
  }
  if (colours?.link) {
    for (const state of ['', 'active-', 'focus-', 'hover-', 'visited-']) style[`--utrecht-link-${state}color`] = colours.link;
  }
  if (colours?.header) style['--app-header-accent-color'] = colours.header;
  if (colours?.footer) {
    style['--utrecht-page-footer-background-color'] = colours.footer;
    style['--utrecht-page-footer-background-image'] = 'none';
    style['--utrecht-page-footer-color'] = '#ffffff';
  }
  return style as CSSProperties;
}

/** Contrast between a #rrggbb colour and white (WCAG 2.1), for the preview; the server checks it again. */
export function contrastWithWhite(hex: string): number | undefined {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return undefined;
  const [red, green, blue] = [1, 3, 5]
    .map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255)
    .map((channel) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
  return 1.05 / (0.2126 * red + 0.7152 * green + 0.0722 * blue + 0.05);
}

/**
 * Texts residents read most, in the municipality's form of address: with "u", the key's `.u` variant where the
 * catalogue of the current language has one, otherwise the ordinary ("je") text.
 */
export function useAddressedText(municipality: string) {
  const { t, language } = useI18n();
  const formOfAddress = useAppearance(municipality).data?.formOfAddress ?? 'je';
  return useCallback(
    (key: string, params?: Record<string, string | number>) => (formOfAddress === 'u' && hasText(language, `${key}.u`) ? t(`${key}.u`, params) : t(key, params)),
    [formOfAddress, language, t],
  );
}
