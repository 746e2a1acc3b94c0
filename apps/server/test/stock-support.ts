/** Test support for the kansenkaart (stock) feature: multipart uploads and small building files. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Session } from './helpers.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'stock-io', 'test', 'fixtures');

export function stockFixture(name: string): Buffer {
  return readFileSync(path.join(fixtures, name));
}

export interface MultipartRequest {
  payload: Buffer;
  headers: Record<string, string>;
}

/** A multipart/form-data body with text fields and at most one file, as a browser sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer | string; contentType?: string }): MultipartRequest {
  const boundary = `----kringbouw${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function injectMultipart(app: FastifyInstance, session: Session | null, method: 'POST' | 'PUT', url: string, request: MultipartRequest): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...request.headers };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  return app.inject({ method, url, headers, payload: request.payload });
}

/** A fresh 16-digit pand id in Delft's range (object type 10) that no fixture uses. */
export function freshPandId(): string {
  return `05031099${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** One 10 m × 10 m flat-roofed building (RD New) in central Delft, as GeoJSON. */
export function oneBuildingGeoJson(bagId: string, at: [number, number] = [85100, 446600]): string {
  const [x, y] = at;
  return JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { identificatie: `NL.IMBAG.Pand.${bagId}`, oorspronkelijkbouwjaar: 1972, dak_type: 'horizontal', h_maaiveld: 0, h_dak_max: 9, h_dak_70p: 9 },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10], [x, y]]] },
      },
    ],
  });
}

export function buildingsUpload(content: Buffer | string, name = 'panden.geojson'): MultipartRequest {
  return multipart({}, { name, content });
}

export function listUpload(fields: { organisationId: string; name: string; municipalityCode: string; sharedWith?: string[] }, content: Buffer | string, name = 'voorraad.csv'): MultipartRequest {
  return multipart(
    { organisationId: fields.organisationId, name: fields.name, municipalityCode: fields.municipalityCode, sharedWith: (fields.sharedWith ?? []).join(',') },
    { name, content, contentType: 'text/csv' },
  );
}
