/**
 * Quantities from triangle meshes (web-ifc StreamMeshes; placement transforms and the model's length unit applied,
 * so coordinates are metres).
 * - volume: |Σ signed tetrahedron volumes| per placed geometry (divergence theorem; exact for closed meshes).
 * - area of walls, slabs, doors, windows and other elements: half the area of the triangles facing the dominant
 *   direction (±n with the largest total area), i.e. one face of a plate-like element, openings excluded.
 * - length of columns, beams, members, piles, railings: the largest extent of the element's local bounding box
 *   (local axes follow the extrusion); area = volume / length (mean cross-section).
 */
import type { IfcAPI } from 'web-ifc';
import type { ShapeFamily } from './quantities.ts';

export interface MeasuredGeometry {
  volumeM3: number;
  areaM2: number;
  lengthM?: number;
  triangles: number;
}

interface Accumulator {
  volume: number;
  triangles: number;
  planes: Map<string, number>;
  localMax: [number, number, number];
}

function normalKey(nx: number, ny: number, nz: number): string {
  // Opposite faces share a key: flip so the first clearly non-zero component is positive.
  const sign = Math.abs(nx) > 1e-6 ? Math.sign(nx) : Math.abs(ny) > 1e-6 ? Math.sign(ny) : Math.sign(nz) || 1;
  const q = (value: number) => Math.round(value * sign * 50) / 50 + 0;
  return `${q(nx)},${q(ny)},${q(nz)}`;
}

function addGeometry(acc: Accumulator, vertices: Float32Array, indices: Uint32Array, m: readonly number[]): void {
  const stride = 6;
  const count = Math.floor(vertices.length / stride);
  const world = new Float64Array(count * 3);
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  const m0 = m[0] ?? 1, m1 = m[1] ?? 0, m2 = m[2] ?? 0, m4 = m[4] ?? 0, m5 = m[5] ?? 1, m6 = m[6] ?? 0;
  const m8 = m[8] ?? 0, m9 = m[9] ?? 0, m10 = m[10] ?? 1, m12 = m[12] ?? 0, m13 = m[13] ?? 0, m14 = m[14] ?? 0;
  for (let i = 0; i < count; i++) {
    const x = vertices[i * stride] ?? 0, y = vertices[i * stride + 1] ?? 0, z = vertices[i * stride + 2] ?? 0;
    world[i * 3] = m0 * x + m4 * y + m8 * z + m12;
    world[i * 3 + 1] = m1 * x + m5 * y + m9 * z + m13;
    world[i * 3 + 2] = m2 * x + m6 * y + m10 * z + m14;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (z < minZ) minZ = z;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
    if (z > maxZ) maxZ = z;
  }
  if (count > 0) {
    // Local extents scaled by the transform's axis lengths (the length unit sits in the transform).
    const extents = [(maxX - minX) * Math.hypot(m0, m1, m2), (maxY - minY) * Math.hypot(m4, m5, m6), (maxZ - minZ) * Math.hypot(m8, m9, m10)];
    extents.forEach((extent, axis) => {
      if (extent > (acc.localMax[axis] ?? 0)) acc.localMax[axis] = extent;
    });
  }
  const at = (index: number) => world[index] ?? 0;
  let signed = 0;
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const a = (indices[t] ?? 0) * 3, b = (indices[t + 1] ?? 0) * 3, c = (indices[t + 2] ?? 0) * 3;
    if (a + 2 >= world.length || b + 2 >= world.length || c + 2 >= world.length) continue;
    const ax = at(a), ay = at(a + 1), az = at(a + 2);
    const bx = at(b), by = at(b + 1), bz = at(b + 2);
    const cx = at(c), cy = at(c + 1), cz = at(c + 2);
    signed += (ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx)) / 6;
    const ux = bx - ax, uy = by - ay, uz = bz - az, vx = cx - ax, vy = cy - ay, vz = cz - az;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const doubleArea = Math.hypot(nx, ny, nz);
    if (doubleArea <= 1e-12) continue;
    const key = normalKey(nx / doubleArea, ny / doubleArea, nz / doubleArea);
    acc.planes.set(key, (acc.planes.get(key) ?? 0) + doubleArea / 2);
    acc.triangles++;
  }
  acc.volume += Math.abs(signed);
}

function finish(acc: Accumulator, family: ShapeFamily): MeasuredGeometry | undefined {
  if (acc.triangles === 0 || !Number.isFinite(acc.volume)) return undefined;
  if (family === 'linear') {
    const lengthM = Math.max(...acc.localMax);
    if (!Number.isFinite(lengthM)) return undefined;
    return { volumeM3: acc.volume, areaM2: lengthM > 0 ? acc.volume / lengthM : 0, lengthM, triangles: acc.triangles };
  }
  let dominant = 0;
  for (const area of acc.planes.values()) if (area > dominant) dominant = area;
  if (!Number.isFinite(dominant)) return undefined;
  return { volumeM3: acc.volume, areaM2: dominant / 2, triangles: acc.triangles };
}

/**
 * Measures the given elements, `batchSize` at a time; `between` runs between batches (progress, cancellation).
 * Elements without triangles are absent from the result.
 */
export function measureElements(params: {
  api: IfcAPI;
  modelID: number;
  ids: readonly number[];
  familyOf: (id: number) => ShapeFamily;
  between?: (done: number) => void;
  batchSize?: number;
}): Map<number, MeasuredGeometry> {
  const { api, modelID, ids, familyOf, between } = params;
  const batchSize = params.batchSize ?? 250;
  const out = new Map<number, MeasuredGeometry>();
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    api.StreamMeshes(modelID, [...batch], (mesh) => {
      const acc: Accumulator = { volume: 0, triangles: 0, planes: new Map(), localMax: [0, 0, 0] };
      const placed = mesh.geometries;
      for (let i = 0; i < placed.size(); i++) {
        const item = placed.get(i);
        const geometry = api.GetGeometry(modelID, item.geometryExpressID);
        try {
          const vertices = api.GetVertexArray(geometry.GetVertexData(), geometry.GetVertexDataSize());
          const indices = api.GetIndexArray(geometry.GetIndexData(), geometry.GetIndexDataSize());
          addGeometry(acc, vertices, indices, item.flatTransformation);
        } finally {
          geometry.delete();
        }
      }
      const measured = finish(acc, familyOf(mesh.expressID));
      if (measured) {
        const previous = out.get(mesh.expressID);
        out.set(
          mesh.expressID,
          previous
            ? { ...measured, volumeM3: previous.volumeM3 + measured.volumeM3, areaM2: previous.areaM2 + measured.areaM2, triangles: previous.triangles + measured.triangles }
            : measured,
        );
      }
    });
    between?.(Math.min(ids.length, start + batchSize));
  }
  return out;
}
