/**
 * Resolves an IfcRelAssociatesMaterial target to material shares:
 * - layer set (usage): share = layer thickness / total thickness (equal split when all thicknesses are 0);
 * - constituent set (IFC4): share = Fraction, normalised, when every constituent has one; equal split otherwise;
 * - profile set (usage), material list: equal split per entry; entries naming the same material are merged;
 * - a single material: share 1.
 */
import {
  IFCMATERIAL,
  IFCMATERIALCONSTITUENT,
  IFCMATERIALCONSTITUENTSET,
  IFCMATERIALLAYER,
  IFCMATERIALLAYERSET,
  IFCMATERIALLAYERSETUSAGE,
  IFCMATERIALLIST,
  IFCMATERIALPROFILE,
  IFCMATERIALPROFILESET,
  IFCMATERIALPROFILESETUSAGE,
  IFCMATERIALPROFILESETUSAGETAPERING,
} from 'web-ifc';
import type { LineReader } from './raw.ts';
import { numOf, refOf, refsOf, strOf } from './raw.ts';
import type { IfcMaterialShare } from './types.ts';

const unnamed = '(naamloos materiaal)';

interface Part {
  name: string;
  weight: number | undefined;
  thicknessM?: number;
}

export class MaterialResolver {
  private readonly cache = new Map<number, IfcMaterialShare[]>();

  constructor(
    private readonly reader: LineReader,
    private readonly lengthUnitM: number,
  ) {}

  resolve(id: number): IfcMaterialShare[] {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const result = this.toShares(this.parts(id, 0));
    this.cache.set(id, result);
    return result;
  }

  private materialName(id: number | undefined): string {
    const line = id === undefined ? undefined : this.reader.line(id);
    return (line && line.type === IFCMATERIAL ? strOf(line.args[0]) : undefined)?.trim() || unnamed;
  }

  private parts(id: number, depth: number): Part[] {
    const line = this.reader.line(id);
    if (!line || depth > 4) return [];
    switch (line.type) {
      case IFCMATERIAL:
        return [{ name: this.materialName(id), weight: 1 }];
      case IFCMATERIALLAYERSETUSAGE:
      case IFCMATERIALPROFILESETUSAGE:
      case IFCMATERIALPROFILESETUSAGETAPERING:
        return this.parts(refOf(line.args[0]) ?? -1, depth + 1);
      case IFCMATERIALLAYERSET:
        return this.reader.lines(refsOf(line.args[0])).map((layer) => this.layerPart(layer.args));
      case IFCMATERIALLAYER:
        return [this.layerPart(line.args)];
      case IFCMATERIALCONSTITUENTSET:
        return this.reader.lines(refsOf(line.args[2])).map((constituent) => ({
          name: this.materialName(refOf(constituent.args[2])),
          weight: numOf(constituent.args[3]),
        }));
      case IFCMATERIALCONSTITUENT:
        return [{ name: this.materialName(refOf(line.args[2])), weight: 1 }];
      case IFCMATERIALPROFILESET:
        return this.reader.lines(refsOf(line.args[2])).map((profile) => ({ name: this.materialName(refOf(profile.args[2])), weight: 1 }));
      case IFCMATERIALPROFILE:
        return [{ name: this.materialName(refOf(line.args[2])), weight: 1 }];
      case IFCMATERIALLIST:
        return refsOf(line.args[0]).map((materialId) => ({ name: this.materialName(materialId), weight: 1 }));
      default:
        return [];
    }
  }

  private layerPart(args: unknown[]): Part {
    const thickness = numOf(args[1]);
    const scaled = thickness !== undefined && thickness >= 0 ? thickness * this.lengthUnitM : undefined;
    const thicknessM = scaled !== undefined && Number.isFinite(scaled) ? scaled : undefined;
    return { name: this.materialName(refOf(args[0])), weight: thicknessM, ...(thicknessM !== undefined ? { thicknessM } : {}) };
  }

  /** Weights → shares; layers keep their own entry (and thickness) even when two layers share a material. */
  private toShares(parts: Part[]): IfcMaterialShare[] {
    if (parts.length === 0) return [];
    const weights = parts.map((part) => part.weight);
    const usable = weights.every((weight) => weight !== undefined && Number.isFinite(weight) && weight >= 0);
    const sum = usable ? weights.reduce<number>((acc, weight) => acc + (weight ?? 0), 0) : 0;
    const total = Number.isFinite(sum) ? sum : 0;
    const shares = parts.map((part) => (total > 0 ? (part.weight ?? 0) / total : 1 / parts.length));
    const out: IfcMaterialShare[] = [];
    parts.forEach((part, index) => {
      const share = shares[index] ?? 0;
      const existing = part.thicknessM === undefined ? out.find((entry) => entry.name === part.name && entry.thicknessM === undefined) : undefined;
      if (existing) existing.share += share;
      else out.push({ name: part.name, share, ...(part.thicknessM !== undefined ? { thicknessM: part.thicknessM } : {}) });
    });
    return out;
  }
}
