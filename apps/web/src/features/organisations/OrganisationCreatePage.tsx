import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { organisationDetail, type OrganisationInput } from '@kringbouw/contracts';
import { canCreateOrganisation } from '@kringbouw/domain/authz';
import { apiRequest } from '../../api/client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { organisationKeys } from './api.ts';
import { OrganisationForm, organisationFormValues } from './OrganisationForm.tsx';

export default function OrganisationCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.form.createTitle'));
  const navigate = useNavigate();
  const actor = useActor();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: OrganisationInput) => apiRequest('/api/organisations', organisationDetail, { method: 'POST', body }),
    onSuccess: (created) => {
      queryClient.setQueryData(organisationKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });

  if (!canCreateOrganisation(actor)) {
    return (
      <div className="page page--narrow">
        <h1>{t('organisations.form.createTitle')}</h1>
        <div className="notice notice--warning" role="alert">
          <p>{t('organisations.form.createNotAllowed')}</p>
        </div>
        <p>
          <Link to="/organisaties">{t('organisations.backToList')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <p className="breadcrumb">
        <Link to="/organisaties">{t('organisations.backToList')}</Link>
      </p>
      <h1>{t('organisations.form.createTitle')}</h1>
      <OrganisationForm
        initialValues={organisationFormValues()}
        onCancel={() => void navigate('/organisaties')}
        action={{
          mode: 'create',
          submit: async (body) => {
            const created = await create.mutateAsync(body);
            void navigate(`/organisaties/${created.id}`);
          },
        }}
      />
    </div>
  );
}
