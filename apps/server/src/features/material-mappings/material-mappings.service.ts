/**
 * An organisation's material → profile mapping: one profile per normalised material name, reused by every import
 * into the organisation's projects. Each row says where it came from (manual, suggested, imported) and who set it.
 */
import type { MaterialMapping, MaterialMappingList, PutMaterialMappingRequest } from '@kringbouw/contracts';
import { canEditMaterialMappings, canViewMaterialMappings, type Actor } from '@kringbouw/domain/authz';
import { normalizeMaterialName, type ProfileLibrary } from '@kringbouw/domain/lca';
import { forbidden, notFound, validationFailed } from '../../errors.ts';
import type { Repositories } from '../../repositories.ts';
import { presentMapping } from './material-mappings.presenter.ts';
import type { MappingOriginValue, MaterialMappingsRepository } from './material-mappings.repository.ts';

const organisationNotFound = () => notFound('Deze organisatie bestaat niet.');

export function createMaterialMappingsService(deps: { repositories: Repositories; mappings: MaterialMappingsRepository; library: ProfileLibrary; now: () => Date }) {
  const { repositories, mappings, library, now } = deps;

  async function requireOrganisation(id: string): Promise<void> {
    if (!(await repositories.organisations.existingIds([id])).has(id)) throw organisationNotFound();
  }

  async function get(organisationId: string, id: string): Promise<MaterialMapping> {
    const record = await mappings.find(organisationId, id);
    if (record === null) throw notFound('Deze koppeling bestaat niet.');
    return presentMapping(record, library);
  }

  return {
    async list(actor: Actor, organisationId: string, filter: { q?: string | undefined; origin?: MappingOriginValue | undefined }): Promise<MaterialMappingList> {
      await requireOrganisation(organisationId);
      if (!canViewMaterialMappings(actor, organisationId)) throw forbidden('Alleen leden van deze organisatie zien haar materiaalkoppelingen.');
      const records = await mappings.list(organisationId, filter);
      return { items: records.map((record) => presentMapping(record, library)), total: records.length };
    },

    async put(actor: Actor, organisationId: string, input: PutMaterialMappingRequest): Promise<MaterialMapping> {
      await requireOrganisation(organisationId);
      if (actor === null || !canEditMaterialMappings(actor, organisationId)) throw forbidden('Alleen bewerkers en beheerders van deze organisatie kunnen materiaalkoppelingen wijzigen.');
      const normalizedName = normalizeMaterialName(input.materialName);
      if (normalizedName === '') throw validationFailed([{ path: 'materialName', message: 'De materiaalnaam bevat geen letters of cijfers.' }]);
      if (!library.profiles.has(input.profileId)) throw validationFailed([{ path: 'profileId', message: `Profiel "${input.profileId}" staat niet in de bibliotheek ${library.id}.` }]);
      const id = await mappings.upsert({
        organisationId,
        materialName: input.materialName.trim(),
        normalizedName,
        profileId: input.profileId,
        origin: input.origin ?? 'manual',
        updatedBy: actor.userId,
        now: now(),
      });
      return get(organisationId, id);
    },

    async delete(actor: Actor, organisationId: string, id: string): Promise<void> {
      await requireOrganisation(organisationId);
      if (!canEditMaterialMappings(actor, organisationId)) throw forbidden('Alleen bewerkers en beheerders van deze organisatie kunnen materiaalkoppelingen wijzigen.');
      if (!(await mappings.delete(organisationId, id))) throw notFound('Deze koppeling bestaat niet.');
    },
  };
}

export type MaterialMappingsService = ReturnType<typeof createMaterialMappingsService>;
