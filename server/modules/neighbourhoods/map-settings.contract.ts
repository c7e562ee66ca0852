import { z } from 'zod';

export const mapSettingsSchema = z
  .object({
    baseMap: z
      .object({
        tileUrl: z.string().describe('XYZ tile template in Web Mercator (EPSG:3857), e.g. https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png'),
        attribution: z.string().describe('Who must be credited for the tiles, shown with the map, e.g. "Kaartgegevens © Kadaster"'),
      })
      .nullable()
      .describe('The base map under the neighbourhood boundaries; null: none is configured, the boundaries stand on a plain background'),
  })
  .meta({ id: 'MapSettings' });

export type MapSettings = z.infer<typeof mapSettingsSchema>;
