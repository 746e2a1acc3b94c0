/**
 * The stored passport document (contracts: lines with keys and profile origin, BVO possibly missing in a concept)
 * and the engine's passport.
 */
import type { PassportDocument, PassportLine } from '@kringbouw/contracts';
import type { Passport } from '@kringbouw/domain/lca';

/** The engine's passport, or null when the document cannot be calculated yet (no BVO, no lines). */
export function toEnginePassport(doc: PassportDocument): Passport | null {
  const bvoM2 = doc.project.bvoM2;
  if (bvoM2 === null || !doc.elements.some((e) => e.lines.length > 0)) return null;
  const { bvoM2: _bvo, ...project } = doc.project;
  return { project: { ...project, bvoM2 }, elements: doc.elements };
}

const normalize = (name: string) => name.trim().toLowerCase();

/** Sets a profile on every line named `material` (as chosen by hand in this passport only). */
export function setProfileForMaterial(doc: PassportDocument, material: string, profileId: string): PassportDocument {
  const wanted = normalize(material);
  return {
    ...doc,
    elements: doc.elements.map((element) =>
      element.lines.some((l) => normalize(l.description) === wanted)
        ? {
            ...element,
            lines: element.lines.map((line): PassportLine => (normalize(line.description) === wanted ? { ...line, profileId, profileOrigin: 'manual' } : line)),
          }
        : element,
    ),
  };
}
