import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canCreateProjectFor, isCoordinator } from '@kringbouw/domain/authz';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor, useCurrentUser } from '../auth/session.ts';
import { useAllOrganisations, useCreateProject } from './api.ts';
import { emptyFormValues } from './form-values.ts';
import { ProjectForm } from './ProjectForm.tsx';
import { Loading } from '../../components/Status.tsx';

export default function ProjectCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('projects.form.createTitle'));
  const navigate = useNavigate();
  const user = useCurrentUser();
  const actor = useActor();
  const create = useCreateProject();
  const coordinator = isCoordinator(actor);
  const organisations = useAllOrganisations();

  const ownerOptions = useMemo(() => {
    if (coordinator) {
      return (organisations.data?.items ?? []).map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    }
    return user.memberships
      .filter((m) => canCreateProjectFor(actor, m.organisationId))
      .map((m) => ({ id: m.organisationId, name: m.organisationName }));
  }, [actor, coordinator, organisations.data, user.memberships]);

  if (coordinator && organisations.isPending) return <Loading />;

  if (ownerOptions.length === 0) {
    return (
      <div className="page page--narrow">
        <h1>{t('projects.form.createTitle')}</h1>
        <div className="notice notice--warning" role="alert">
          <p>{t('projects.form.notAllowed')}</p>
        </div>
        <p>
          <Link to="/projecten">{t('projects.backToList')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <p className="breadcrumb">
        <Link to="/projecten">{t('projects.backToList')}</Link>
      </p>
      <h1>{t('projects.form.createTitle')}</h1>
      <p className="lead">{t('projects.form.createIntro')}</p>
      <ProjectForm
        initialValues={emptyFormValues(ownerOptions.length === 1 ? ownerOptions[0]?.id : '')}
        ownerOptions={ownerOptions}
        onCancel={() => void navigate('/projecten')}
        action={{
          mode: 'create',
          submit: async (body) => {
            const created = await create.mutateAsync(body);
            void navigate(`/projecten/${created.id}`);
          },
        }}
      />
    </div>
  );
}
