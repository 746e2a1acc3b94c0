import type { MaterialMapping } from '@kringbouw/contracts';
import type { ProfileLibrary } from '@kringbouw/domain/lca';
import type { MappingRecord } from './material-mappings.repository.ts';

export function presentMapping(record: MappingRecord, library: ProfileLibrary): MaterialMapping {
  const profile = library.profiles.get(record.profileId);
  return {
    id: record.id,
    organisationId: record.organisationId,
    materialName: record.materialName,
    normalizedName: record.normalizedName,
    profileId: record.profileId,
    profileName: profile ? (profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id) : null,
    declaredUnit: profile?.declaredUnit ?? null,
    origin: record.origin,
    updatedBy: record.updatedById === null ? null : { id: record.updatedById, name: record.updatedByName ?? '' },
    updatedAt: record.updatedAt.toISOString(),
  };
}
