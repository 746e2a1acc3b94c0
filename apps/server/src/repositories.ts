import type { Db } from './db/index.ts';
import { createAgreementsRepository, type AgreementsRepository } from './features/agreements/agreements.repository.ts';
import { createAuthRepository, type AuthRepository } from './features/auth/auth.repository.ts';
import { createInvitationsRepository, type InvitationsRepository } from './features/invitations/invitations.repository.ts';
import { createOrganisationsRepository, type OrganisationsRepository } from './features/organisations/organisations.repository.ts';
import { createProjectsRepository, type ProjectsRepository } from './features/projects/projects.repository.ts';

/** All repositories over one connection; `transaction` hands the same set bound to one transaction. */
export interface Repositories {
  auth: AuthRepository;
  organisations: OrganisationsRepository;
  invitations: InvitationsRepository;
  projects: ProjectsRepository;
  agreements: AgreementsRepository;
  transaction<T>(fn: (repositories: Repositories) => Promise<T>): Promise<T>;
}

export function createRepositories(db: Db): Repositories {
  return {
    auth: createAuthRepository(db),
    organisations: createOrganisationsRepository(db),
    invitations: createInvitationsRepository(db),
    projects: createProjectsRepository(db),
    agreements: createAgreementsRepository(db),
    transaction: (fn) => db.transaction((tx) => fn(createRepositories(tx))),
  };
}
