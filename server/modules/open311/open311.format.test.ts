import { describe, expect, it } from 'vitest';
import { errorsAsXml, escapeXml, listAsXml, objectAsXml, open311DateTime } from './open311.format.ts';

describe('Open311 answers in XML', () => {
  it('writes a list with the specification’s element names', () => {
    expect(listAsXml('services', [{ service_code: 'boom', service_name: 'Boom', metadata: false, group: 'Groen' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n    <service_code>boom</service_code>\n    <service_name>Boom</service_name>\n    <metadata>false</metadata>\n    <group>Groen</group>\n  </service>\n</services>\n',
    );
  });

  it('nests attributes and their values, and writes empty fields as empty elements', () => {
    const xml = objectAsXml('service_definition', { service_code: 'lamp', attributes: [{ code: 'soort', values: [{ key: 'uit', name: 'Uit' }] }], media_url: null });
    expect(xml).toContain('<attributes>\n    <attribute>\n      <code>soort</code>\n      <values>\n        <value>\n          <key>uit</key>');
    expect(xml).toContain('<media_url/>');
  });

  it('escapes markup and drops characters XML does not allow', () => {
    expect(escapeXml('<b>"Tom & Jerry"</b>\u0007')).toBe('&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;');
    expect(errorsAsXml([{ code: 400, description: 'service_code <ontbreekt>' }])).toContain('<error>\n    <code>400</code>\n    <description>service_code &lt;ontbreekt&gt;</description>');
  });

  it('writes times in Dutch local time with the offset', () => {
    expect(open311DateTime(new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-15T12:00:00+02:00');
    expect(open311DateTime(new Date('2026-12-15T10:00:00Z'))).toBe('2026-12-15T11:00:00+01:00');
  });
});
