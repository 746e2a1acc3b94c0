import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { organisationDetail, type OrganisationUpdate } from '@kringbouw/contracts';
import { canManageOrganisation, isCoordinator } from '@kringbouw/domain/authz';
import { ApiError, apiRequest } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { organisationKeys, useOrganisation } from './api.ts';
import { OrganisationForm, organisationFormValues } from './OrganisationForm.tsx';

export default function OrganisationEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const actor = useActor();
  const query = useOrganisation(id);
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (body: OrganisationUpdate) => apiRequest(`/api/organisations/${encodeURIComponent(id)}`, organisationDetail, { method: 'PATCH', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(organisationKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'all'] });
    },
  });
  usePageTitle(query.data ? t('organisations.form.editTitle', { name: query.data.name }) : t('organisations.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage resource="organisation" />;
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  const organisation = query.data;

  if (!canManageOrganisation(actor, organisation.id)) {
    return (
      <div className="page page--narrow">
        <h1>{t('organisations.form.editTitle', { name: organisation.name })}</h1>
        <div className="notice notice--warning" role="alert">
          <p>{t('organisations.form.editNotAllowed')}</p>
        </div>
        <p>
          <Link to={`/organisaties/${organisation.id}`}>{t('organisations.backToOrganisation')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <p className="breadcrumb">
        <Link to={`/organisaties/${organisation.id}`}>{t('organisations.backToOrganisation')}</Link>
      </p>
      <h1>{t('organisations.form.editTitle', { name: organisation.name })}</h1>
      <OrganisationForm
        initialValues={organisationFormValues(organisation)}
        onCancel={() => void navigate(`/organisaties/${organisation.id}`)}
        action={{
          mode: 'edit',
          mayChangeStatus: isCoordinator(actor),
          submit: async (body) => {
            await update.mutateAsync(body);
            void navigate(`/organisaties/${organisation.id}`);
          },
        }}
      />
    </div>
  );
}
