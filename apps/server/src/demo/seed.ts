import { hashPassword } from '../features/auth/passwords.ts';
import type { Repositories } from '../repositories.ts';
import { seedDemoAgreement } from './demo-agreements.ts';
import { demoOrganisations, demoPassword, demoProjects, demoUsers } from './demo-data.ts';

export type SeedResult = { seeded: false } | { seeded: true; organisations: number; users: number; projects: number; agreements: number };

/**
 * Fills an empty database with the City Deal parties, demo accounts and example projects, in one transaction.
 * Does nothing when any organisation exists, so it is safe to run on every start.
 */
export async function seedDemoData(repositories: Repositories, now: Date = new Date()): Promise<SeedResult> {
  // One hash for the shared demo password: every demo account has the same password anyway.
  const passwordHash = await hashPassword(demoPassword);
  return repositories.transaction(async (tx) => {
    if ((await tx.organisations.count()) > 0 || (await tx.auth.countUsers()) > 0) return { seeded: false };

    for (const organisation of demoOrganisations) {
      await tx.organisations.create({ ...organisation, website: null });
    }
    const idOf = await tx.organisations.idsByName();
    const requireId = (name: string) => {
      const id = idOf.get(name);
      if (id === undefined) throw new Error(`demo data refers to unknown organisation "${name}"`);
      return id;
    };

    const userIds = new Map<string, string>();
    for (const demoUser of demoUsers) {
      const user = await tx.auth.createUser({ email: demoUser.email, name: demoUser.name, passwordHash });
      userIds.set(demoUser.email, user.id);
      if (demoUser.coordinator) await tx.auth.setPlatformRole(user.id, 'coordinator');
      for (const membership of demoUser.memberships) {
        await tx.organisations.addMembership(requireId(membership.organisation), user.id, membership.role);
      }
    }

    for (const project of demoProjects) {
      await tx.projects.create(
        {
          name: project.name,
          description: project.description,
          municipalityCode: project.municipalityCode,
          lat: project.location.lat,
          lon: project.location.lon,
          kind: project.kind,
          phase: project.phase,
          initiatiefDate: null,
          ontwerpDate: null,
          realisatieDate: null,
          opgeleverdDate: null,
          dwellings: project.dwellings,
          bvoM2: null,
          buildingType: project.buildingType,
          conceptName: project.concept?.name ?? null,
          conceptSupplier: project.concept?.supplier ?? null,
          visibility: project.visibility,
          ownerOrganisationId: requireId(project.owner),
          createdBy: null,
          isExample: true,
          now,
        },
        project.parties.map((p) => ({ organisationId: requireId(p.organisation), role: p.role })),
      );
    }
    const userId = (email: string) => {
      const id = userIds.get(email);
      if (id === undefined) throw new Error(`demo data refers to unknown user "${email}"`);
      return id;
    };
    await seedDemoAgreement(tx.agreements, {
      gemeente: requireId('Gemeente Leiden'),
      corporatie: requireId('Voorbeeldcorporatie Leiden (demo)'),
      huurders: requireId('Voorbeeld Huurdersorganisatie Leiden (demo)'),
      corporatieUser: userId('corporatie@leiden.demo'),
      gemeenteUser: userId('beleid@leiden.demo'),
      huurdersUser: userId('huurders@leiden.demo'),
    });
    return { seeded: true, organisations: demoOrganisations.length, users: demoUsers.length, projects: demoProjects.length, agreements: 1 };
  });
}
