import type { Member, OrganisationDetail, OrganisationInput, OrganisationUpdate } from '@kringbouw/contracts';
import {
  canChangeOrganisationStatus,
  canCreateOrganisation,
  canManageOrganisation,
  canViewInvitations,
  canViewMembers,
  type Actor,
} from '@kringbouw/domain/authz';
import type { MembershipRole, OrganisationKind } from '@kringbouw/domain/organisations';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.ts';
import type { Repositories } from '../../repositories.ts';
import { presentMember, presentOrganisation, presentOrganisationDetail } from './organisations.presenter.ts';

const lastBeheerder = () =>
  new AppError('last_beheerder', 'Een organisatie houdt minstens één beheerder. Maak eerst iemand anders beheerder.', 409);

export function createOrganisationsService(deps: { repositories: Repositories; now: () => Date }) {
  const { repositories } = deps;
  const repo = repositories.organisations;

  async function requireOrganisation(id: string) {
    const organisation = await repo.findById(id);
    if (organisation === null) throw notFound('Deze organisatie bestaat niet.');
    return organisation;
  }

  async function checkValues(values: { name?: string | undefined; municipalityCode?: string | null | undefined }, exceptId: string | null) {
    if (values.name !== undefined && (await repo.nameTaken(values.name, exceptId))) {
      throw new AppError('organisation_exists', 'Er is al een organisatie met deze naam.', 409);
    }
    if (values.municipalityCode != null && !(await repo.municipalityExists(values.municipalityCode))) {
      throw validationFailed([{ path: 'municipalityCode', message: 'Onbekende CBS-gemeentecode.' }]);
    }
  }

  async function detail(actor: Actor, id: string): Promise<OrganisationDetail> {
    const organisation = await requireOrganisation(id);
    const members = canViewMembers(actor, id) ? await repo.members(id) : [];
    const invitations = canViewInvitations(actor, id) ? await repositories.invitations.listFor(id) : null;
    return presentOrganisationDetail(organisation, members, invitations, deps.now());
  }

  return {
    detail,

    async list(filter: { q?: string | undefined; kind?: OrganisationKind | undefined }) {
      return { items: (await repo.list(filter)).map(presentOrganisation) };
    },

    async create(actor: Actor, input: OrganisationInput): Promise<OrganisationDetail> {
      if (!canCreateOrganisation(actor)) throw forbidden('Alleen het coördinatieteam voegt organisaties toe.');
      await checkValues(input, null);
      const id = await repo.create(input);
      return detail(actor, id);
    },

    async update(actor: Actor, id: string, input: OrganisationUpdate): Promise<OrganisationDetail> {
      await requireOrganisation(id);
      if (!canManageOrganisation(actor, id)) throw forbidden('Alleen beheerders van deze organisatie kunnen haar wijzigen.');
      if ((input.kind !== undefined || input.cityDealSignatory !== undefined) && !canChangeOrganisationStatus(actor)) {
        throw forbidden('Soort en City Deal-status wijzigt alleen het coördinatieteam.');
      }
      await checkValues(input, id);
      const values = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      await repo.update(id, values);
      return detail(actor, id);
    },

    async updateMember(actor: Actor, id: string, userId: string, role: MembershipRole): Promise<Member> {
      await requireOrganisation(id);
      if (!canManageOrganisation(actor, id)) throw forbidden();
      return repositories.transaction(async (tx) => {
        const member = await tx.organisations.membership(id, userId);
        if (member === null) throw notFound('Deze persoon is geen lid van de organisatie.');
        if (member.role === 'beheerder' && role !== 'beheerder' && (await tx.organisations.countBeheerders(id)) <= 1) {
          throw lastBeheerder();
        }
        await tx.organisations.setMemberRole(id, userId, role);
        return presentMember({ ...member, role });
      });
    },

    async removeMember(actor: Actor, id: string, userId: string): Promise<void> {
      await requireOrganisation(id);
      if (!canManageOrganisation(actor, id)) throw forbidden();
      await repositories.transaction(async (tx) => {
        const member = await tx.organisations.membership(id, userId);
        if (member === null) throw notFound('Deze persoon is geen lid van de organisatie.');
        if (member.role === 'beheerder' && (await tx.organisations.countBeheerders(id)) <= 1) throw lastBeheerder();
        await tx.organisations.removeMember(id, userId);
      });
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
