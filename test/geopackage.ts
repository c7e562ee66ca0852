import { DatabaseSync } from 'node:sqlite';

/** A (Multi)Polygon as well-known binary, little-endian, 2D: what a GeoPackage stores after its header. */
function wkbOf(geometry: { type: string; coordinates: unknown }): Buffer {
  const parts: Buffer[] = [];
  const uint32 = (value: number) => {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    parts.push(buffer);
  };
  const polygon = (rings: number[][][]) => {
    uint32(rings.length);
    for (const ring of rings) {
      uint32(ring.length);
      for (const [x, y] of ring) {
        const point = Buffer.alloc(16);
        point.writeDoubleLE(x, 0);
        point.writeDoubleLE(y, 8);
        parts.push(point);
      }
    }
  };
  parts.push(Buffer.from([1]));
  if (geometry.type === 'Polygon') {
    uint32(3);
    polygon(geometry.coordinates as number[][][]);
  } else {
    uint32(6);
    const polygons = geometry.coordinates as number[][][][];
    uint32(polygons.length);
    for (const rings of polygons) {
      parts.push(Buffer.from([1]));
      uint32(3);
      polygon(rings);
    }
  }
  return Buffer.concat(parts);
}

/** The GeoPackage geometry header (OGC 12-128r18 §2.1.3): "GP", version 0, little-endian, no envelope, the srs_id. */
function geoPackageGeometry(geometry: { type: string; coordinates: unknown }, srsId: number): Buffer {
  const header = Buffer.from([0x47, 0x50, 0, 0b0000_0001, 0, 0, 0, 0]);
  header.writeInt32LE(srsId, 4);
  return Buffer.concat([header, wkbOf(geometry)]);
}

/**
 * Writes a minimal GeoPackage with the given feature layers, as CBS publishes its wijk- en buurtkaart (layers
 * `wijken`, `buurten`, each with text properties and a `geom` column), for tests of the import.
 */
export function writeGeoPackage(file: string, layers: Record<string, { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[]>, srsId = 28992) {
  const database = new DatabaseSync(file);
  try {
    database.exec(`create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key, organization text not null, organization_coordsys_id integer not null, definition text not null, description text);
      create table gpkg_contents (table_name text primary key, data_type text not null, identifier text unique, description text default '', last_change datetime, min_x double, min_y double, max_x double, max_y double, srs_id integer);
      create table gpkg_geometry_columns (table_name text not null, column_name text not null, geometry_type_name text not null, srs_id integer not null, z tinyint not null, m tinyint not null, primary key (table_name, column_name));`);
    database.prepare('insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)').run(srsId === 28992 ? 'Amersfoort / RD New' : `EPSG ${srsId}`, srsId, 'EPSG', srsId, 'undefined', null);
    for (const [table, features] of Object.entries(layers)) {
      const names = [...new Set(features.flatMap((feature) => Object.keys(feature.properties)))];
      database.exec(`create table "${table}" (fid integer primary key autoincrement, geom blob, ${names.map((name) => `"${name}" text`).join(', ')})`);
      database.prepare('insert into gpkg_contents (table_name, data_type, identifier, srs_id) values (?, ?, ?, ?)').run(table, 'features', table, srsId);
      database.prepare('insert into gpkg_geometry_columns values (?, ?, ?, ?, 0, 0)').run(table, 'geom', 'MULTIPOLYGON', srsId);
      const insert = database.prepare(`insert into "${table}" (geom, ${names.map((name) => `"${name}"`).join(', ')}) values (?, ${names.map(() => '?').join(', ')})`);
      // One transaction per layer: a province's thousands of features are written in a moment, not a fsync each.
      database.exec('begin');
      for (const feature of features) insert.run(geoPackageGeometry(feature.geometry, srsId), ...names.map((name) => feature.properties[name] ?? null));
      database.exec('commit');
    }
  } finally {
    database.close();
  }
}
