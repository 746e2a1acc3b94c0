import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canEditProject } from '@kringbouw/domain/authz';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { useProject, useUpdateProject } from './api.ts';
import { formValuesFromProject } from './form-values.ts';
import { ProjectForm } from './ProjectForm.tsx';

export default function ProjectEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const actor = useActor();
  const query = useProject(id);
  const update = useUpdateProject(id);
  usePageTitle(query.data ? t('projects.form.editTitle', { name: query.data.name }) : t('projects.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage resource="project" />;
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  const project = query.data;

  if (!canEditProject(actor, project)) {
    return (
      <div className="page page--narrow">
        <h1>{t('projects.form.editTitle', { name: project.name })}</h1>
        <div className="notice notice--warning" role="alert">
          <p>{t('projects.form.editNotAllowed')}</p>
        </div>
        <p>
          <Link to={`/projecten/${project.id}`}>{t('projects.backToProject')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <p className="breadcrumb">
        <Link to={`/projecten/${project.id}`}>{t('projects.backToProject')}</Link>
      </p>
      <h1>{t('projects.form.editTitle', { name: project.name })}</h1>
      <ProjectForm
        // A reload after a conflict brings a new version: start again from what is stored now.
        key={project.version}
        initialValues={formValuesFromProject(project)}
        ownerOptions={[]}
        onCancel={() => void navigate(`/projecten/${project.id}`)}
        action={{
          mode: 'edit',
          version: project.version,
          submit: async (body) => {
            await update.mutateAsync(body);
            void navigate(`/projecten/${project.id}`);
          },
          onReload: () => void query.refetch(),
        }}
      />
    </div>
  );
}
