/**
 * The columns of a tabular passport (CSV / XLSX). One table drives the parser, the downloadable template and the
 * documentation, so they cannot drift apart.
 */
import {
  accessibilities, connectionTypes, crossingTypes, edgeContainments, layers, nmdCategories, units,
} from '@kringbouw/domain/lca';

/** Where a line's profile came from (as the server stores it). */
export const profileOriginValues = ['file', 'mapping', 'suggested', 'manual'] as const;

/** Line keys: the same rule as the HTTP contract (1-80 characters A-Z, 0-9, . _ : -). */
export const lineKeyPattern = /^[A-Za-z0-9._:-]{1,80}$/;

export type ColumnKind = 'text' | 'number' | 'percentage' | 'enum' | 'boolean';

export interface ColumnSpec {
  name: string;
  required: boolean;
  kind: ColumnKind;
  values?: readonly string[];
  description: string;
  example: string | number;
}

export const passportColumns: readonly ColumnSpec[] = [
  { name: 'nlsfb', required: true, kind: 'text', description: 'NL-SfB-code tabel 1 van het element, bv. 21 of 21.1', example: '21' },
  { name: 'element', required: true, kind: 'text', description: 'Naam van het element, bv. Buitenwand voorgevel', example: 'Buitenwand' },
  { name: 'laag', required: true, kind: 'enum', values: layers, description: 'Bouwlaag (shearing layer)', example: 'omhulling' },
  { name: 'materiaal', required: true, kind: 'text', description: 'Omschrijving van het materiaal of product', example: 'Vurenhout HSB-regels' },
  { name: 'hoeveelheid', required: true, kind: 'number', description: 'Hoeveelheid in de eenheid van kolom eenheid', example: 6.5 },
  { name: 'eenheid', required: true, kind: 'enum', values: units, description: 'Eenheid van de hoeveelheid (m, m2, m3, kg, st)', example: 'm3' },
  { name: 'profiel', required: false, kind: 'text', description: 'Milieuprofiel-id, bv. een ÖKOBAUDAT-UUID. Leeg: Kringbouw stelt een standaardprofiel voor op basis van de materiaalnaam (met waarschuwing)', example: '3057d7c0-7bee-4ba2-9edf-517d4cd97a14' },
  { name: 'nmd_categorie', required: false, kind: 'enum', values: nmdCategories, description: 'NMD-datacategorie van het profiel (1, 2, 3 of 3a); categorie 3 krijgt 30 % toeslag op de MKI', example: '' },
  { name: 'levensduur', required: false, kind: 'number', description: 'Levensduur van het product in jaren (voor vervangingen)', example: 75 },
  { name: 'massa_kg', required: false, kind: 'number', description: 'Massa in kg; leeg: afgeleid uit dichtheid of oppervlaktegewicht van het profiel', example: '' },
  { name: 'dikte_m', required: false, kind: 'number', description: 'Laagdikte in meter, om m2 en m3 in elkaar om te rekenen', example: '' },
  { name: 'hernieuwbaar_pct', required: false, kind: 'percentage', description: 'Massa-aandeel hernieuwbaar (biobased), %', example: 100 },
  { name: 'hergebruikt_pct', required: false, kind: 'percentage', description: 'Massa-aandeel hergebruikt, %', example: 0 },
  { name: 'gerecycled_pct', required: false, kind: 'percentage', description: 'Massa-aandeel gerecycled, %', example: 0 },
  { name: 'eol_hergebruik_pct', required: false, kind: 'percentage', description: 'Aandeel dat na gebruik wordt hergebruikt, %', example: 20 },
  { name: 'eol_recycling_pct', required: false, kind: 'percentage', description: 'Aandeel dat na gebruik wordt gerecycled, %', example: 60 },
  { name: 'verbinding', required: false, kind: 'enum', values: connectionTypes, description: 'Type verbinding (losmaakbaarheid LI v2.0)', example: 'toegevoegd' },
  { name: 'toegankelijkheid', required: false, kind: 'enum', values: accessibilities, description: 'Toegankelijkheid van de verbinding', example: 'vrij' },
  { name: 'doorkruising', required: false, kind: 'enum', values: crossingTypes, description: 'Doorkruisingen', example: 'geen' },
  { name: 'randopsluiting', required: false, kind: 'enum', values: edgeContainments, description: 'Randopsluiting', example: 'open' },
  { name: 'gevaarlijk', required: false, kind: 'boolean', description: 'Bevat zorgwekkende stoffen (ja/nee)', example: 'nee' },
  { name: 'regel_id', required: false, kind: 'text', description: 'Vaste sleutel van de regel (Kringbouw vult die bij export); leeg laten bij nieuwe regels', example: '' },
  { name: 'profiel_herkomst', required: false, kind: 'enum', values: profileOriginValues, description: 'Waar het profiel vandaan komt: file (uit het bestand), mapping (koppeling van de organisatie), suggested (voorgesteld), manual (handmatig gekozen)', example: '' },
];

export const columnByName: ReadonlyMap<string, ColumnSpec> = new Map(passportColumns.map((c) => [c.name, c]));

/** Project fields of the optional "Project" sheet (XLSX) and of the CLI flags. */
export const projectFields = [
  { name: 'bvo_m2', description: 'Bruto vloeroppervlak (BVO) in m²', example: 124 },
  { name: 'gebouwtype', description: 'grondgebonden, gestapeld of utiliteit', example: 'grondgebonden' },
  { name: 'gebruiksfunctie', description: 'woonfunctie, kantoorfunctie of overig (standaard afgeleid uit gebouwtype)', example: 'woonfunctie' },
  { name: 'rsp_jaren', description: 'Referentieperiode in jaren (standaard 75 woningen, 50 kantoren)', example: 75 },
  { name: 'vergunningsdatum', description: 'Datum aanvraag omgevingsvergunning (JJJJ-MM-DD), bepaalt de MPG-grenswaarde', example: '2025-03-01' },
  { name: 'naam', description: 'Projectnaam', example: 'Rijwoningen Kringbouw' },
] as const;
