/** What `extractIfc` returns: a flat, JSON-serialisable description of a building model. */

export type Bouwlaag = 'plek' | 'constructie' | 'omhulling' | 'installaties' | 'indeling' | 'inventaris';

export type QuantitySource = 'qto' | 'geometry' | null;

export interface IfcMaterialShare {
  name: string;
  /** Share of the element (0..1); shares of one element add up to 1. */
  share: number;
  /** Layer thickness in metres, for material layer sets. */
  thicknessM?: number;
}

export interface IfcNlsfbSuggestion {
  /** NL-SfB table 1 code (two digits), or null when the IFC class says too little. */
  code: string | null;
  /** Why this code was suggested (Dutch), e.g. "IfcWall met IsExternal = waar → buitenwand". */
  reason: string;
}

export interface IfcStorey {
  globalId: string;
  name: string;
  /** Elevation in metres, when the file gives one. */
  elevationM: number | null;
}

export interface IfcExtractedElement {
  globalId: string;
  /** The entity name as in the file's schema, e.g. "IfcWallStandardCase". */
  ifcClass: string;
  name: string;
  /** Name of the building storey that contains the element (directly or through a space/assembly). */
  storey: string | null;
  predefinedType?: string;
  /** Pset_*Common IsExternal / LoadBearing, when given. */
  isExternal?: boolean;
  loadBearing?: boolean;
  materials: IfcMaterialShare[];
  volumeM3: number | null;
  /** Characteristic area in m²: side area of walls, area of slabs/coverings/roofs, cross-section of columns/beams. */
  areaM2: number | null;
  lengthM?: number;
  quantitySource: QuantitySource;
  nlsfb: IfcNlsfbSuggestion;
  layer: Bouwlaag | null;
}

export interface IfcExtraction {
  /** The schema named in the file header, e.g. "IFC2X3", "IFC4", "IFC4X3_ADD2". */
  schema: string;
  project: { name: string; globalId: string };
  lengthUnitM: number;
  storeys: IfcStorey[];
  elements: IfcExtractedElement[];
  /** globalIds of elements without any material association. */
  withoutMaterial: string[];
  /** globalIds of elements without a volume (no quantity set and no closed geometry). */
  withoutQuantity: string[];
  stats: {
    elementCount: number;
    qtoCount: number;
    geometryCount: number;
    ms: number;
  };
  /** Versions of the suggestion tables used, so a result can be reproduced. */
  dataVersions: { nlsfb: string; layers: string };
}

export interface ExtractIfcOptions {
  /** Called with 0..1 at phase boundaries and while walking elements. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
  /** Compute volumes/areas from geometry for elements without quantity sets (default true). */
  geometry?: boolean;
  /** Ignore quantity sets and measure every element from its geometry (used to cross-check quantity sets). */
  geometryOnly?: boolean;
}
