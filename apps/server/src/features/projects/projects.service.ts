import type { CreateProjectRequest, Project, ProjectInput, ProjectList, ProjectListQuery, ProjectUpdate } from '@kringbouw/contracts';
import {
  canCreateProjectFor,
  canDeleteProject,
  canEditProject,
  canViewProject,
  projectVisibilityScope,
  type Actor,
} from '@kringbouw/domain/authz';
import { AppError, forbidden, notFound, validationFailed, type FieldProblem } from '../../errors.ts';
import type { Repositories } from '../../repositories.ts';
import { municipalityCodesMatching, type MunicipalityAssets } from '../municipalities/municipalities.assets.ts';
import { presentProject, projectValuesOf } from './projects.presenter.ts';
import type { ProjectRecord } from './projects.repository.ts';

/** A confidential project someone may not see answers exactly like a project that does not exist. */
const projectNotFound = () => notFound('Dit project bestaat niet of u hebt er geen toegang toe.');

export function createProjectsService(deps: { repositories: Repositories; municipalities: MunicipalityAssets; now: () => Date }) {
  const { repositories, now } = deps;

  /** References the schema cannot check: the municipality and the party organisations must exist. */
  async function checkReferences(input: ProjectInput): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!(await repositories.organisations.municipalityExists(input.municipalityCode))) {
      problems.push({ path: 'municipalityCode', message: `Onbekende CBS-gemeentecode: ${input.municipalityCode}` });
    }
    const existing = await repositories.organisations.existingIds(input.parties.map((p) => p.organisationId));
    input.parties.forEach((party, index) => {
      if (!existing.has(party.organisationId)) {
        problems.push({ path: `parties.${index}.organisationId`, message: 'Deze organisatie bestaat niet.' });
      }
    });
    if (problems.length > 0) throw validationFailed(problems);
  }

  async function visibleProject(actor: Actor, id: string): Promise<ProjectRecord> {
    const record = await repositories.projects.findById(id);
    if (record === null || !canViewProject(actor, record)) throw projectNotFound();
    return record;
  }

  async function get(actor: Actor, id: string): Promise<Project> {
    return presentProject(await visibleProject(actor, id));
  }

  return {
    get,

    async list(actor: Actor, query: ProjectListQuery): Promise<ProjectList> {
      const qMunicipalityCodes = query.q ? municipalityCodesMatching(deps.municipalities, query.q) : undefined;
      const { items, total } = await repositories.projects.list(projectVisibilityScope(actor), { ...query, qMunicipalityCodes });
      return { items: items.map(presentProject), total, page: query.page, pageSize: query.pageSize };
    },

    async create(actor: Actor, input: CreateProjectRequest): Promise<Project> {
      if (actor === null || !canCreateProjectFor(actor, input.ownerOrganisationId)) {
        throw forbidden('U kunt alleen projecten registreren voor een organisatie waar u bewerker of beheerder bent.');
      }
      await checkReferences(input);
      const id = await repositories.transaction((tx) =>
        tx.projects.create(
          { ...projectValuesOf(input), ownerOrganisationId: input.ownerOrganisationId, createdBy: actor.userId, isExample: false, now: now() },
          input.parties,
        ),
      );
      return get(actor, id);
    },

    async update(actor: Actor, id: string, input: ProjectUpdate): Promise<Project> {
      const current = await visibleProject(actor, id);
      if (!canEditProject(actor, current)) throw forbidden('U mag dit project niet bewerken.');
      await checkReferences(input);
      const updated = await repositories.transaction((tx) =>
        tx.projects.update(id, input.version, projectValuesOf(input), input.parties, now()),
      );
      if (!updated) {
        const latest = await repositories.projects.findById(id);
        if (latest === null) throw projectNotFound();
        throw new AppError(
          'version_conflict',
          'Iemand anders heeft dit project intussen gewijzigd. Laad de nieuwste versie en probeer het opnieuw.',
          409,
          { currentVersion: latest.version },
        );
      }
      return get(actor, id);
    },

    async delete(actor: Actor, id: string): Promise<void> {
      const current = await visibleProject(actor, id);
      if (!canDeleteProject(actor, current)) throw forbidden('Alleen beheerders van de eigenaar kunnen dit project verwijderen.');
      await repositories.projects.delete(id);
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
