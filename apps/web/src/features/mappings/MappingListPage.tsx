import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { mappingOrigins, materialMapping, materialMappingList, type MappingOrigin, type MaterialMapping } from '@kringbouw/contracts';
import { canEditMaterialMappings } from '@kringbouw/domain/authz';
import { apiRequest } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { useAllOrganisations } from '../projects/api.ts';
import { passportKeys, passportPaths } from '../passports/api.ts';
import { ProfilePicker } from '../passports/ProfilePicker.tsx';
import { useProfileSummaries } from '../passports/use-engine.ts';
import '../passports/passports.css';

/**
 * The organisation's material → profile mapping: every name its passports use, the profile, where the mapping came
 * from and who set it last. One table, reused in all the organisation's projects.
 */
export default function MappingListPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const actor = useActor();
  const organisations = useAllOrganisations();
  const organisation = organisations.data?.items.find((o) => o.id === id);
  const [q, setQ] = useState('');
  const [origin, setOrigin] = useState<MappingOrigin | ''>('');
  const mappings = useQuery({
    queryKey: [...passportKeys.mappings(id), q, origin],
    queryFn: ({ signal }) => apiRequest(passportPaths.mappings(id), materialMappingList, { query: { q, origin }, signal }),
  });
  const mayEdit = canEditMaterialMappings(actor, id);
  usePageTitle(t('passports.orgMappings.title'));

  return (
    <article className="page passport-page">
      <p className="breadcrumb">
        <Link to={`/organisaties/${id}`}>{organisation?.name ?? t('passports.mapping.theOrganisation')}</Link>
      </p>
      <h1>{t('passports.orgMappings.title')}</h1>
      <p className="lead">{t('passports.orgMappings.intro', { organisation: organisation?.name ?? t('passports.mapping.theOrganisation') })}</p>
      <div className="line-filters" role="search">
        <label>
          <span className="field__label">{t('passports.orgMappings.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          <span className="field__label">{t('passports.orgMappings.origin')}</span>
          <select value={origin} onChange={(e) => setOrigin(mappingOrigins.find((o) => o === e.target.value) ?? '')}>
            <option value="">{t('passports.orgMappings.allOrigins')}</option>
            {mappingOrigins.map((o) => (
              <option key={o} value={o}>
                {t(`passports.mappingOrigin.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {mappings.data ? (
          <p className="muted" role="status">
            {t('passports.orgMappings.count', { count: mappings.data.total })}
          </p>
        ) : null}
      </div>
      {mappings.isPending ? <Loading /> : null}
      {mappings.isError ? <ErrorMessage error={mappings.error} onRetry={() => void mappings.refetch()} /> : null}
      {mappings.data && mappings.data.items.length === 0 ? <p className="empty-state">{t('passports.orgMappings.empty')}</p> : null}
      {mappings.data && mappings.data.items.length > 0 ? (
        <div className="table-wrapper">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('passports.orgMappings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('passports.orgMappings.material')}</th>
                <th scope="col">{t('passports.mapping.profile')}</th>
                <th scope="col">{t('passports.mapping.declaredUnit')}</th>
                <th scope="col">{t('passports.orgMappings.origin')}</th>
                <th scope="col">{t('passports.orgMappings.who')}</th>
                {mayEdit ? <th scope="col"><span className="visually-hidden">{t('passports.mapping.action')}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {mappings.data.items.map((m) => (
                <MappingRow key={m.id} organisationId={id} mapping={m} mayEdit={mayEdit} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </article>
  );
}

function MappingRow({ organisationId, mapping, mayEdit }: { organisationId: string; mapping: MaterialMapping; mayEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const profiles = useProfileSummaries();
  const [picking, setPicking] = useState(false);
  const done = () => void queryClient.invalidateQueries({ queryKey: passportKeys.mappings(organisationId) });
  const change = useMutation({
    mutationFn: (profileId: string) =>
      apiRequest(passportPaths.mappings(organisationId), materialMapping, { method: 'PUT', body: { materialName: mapping.materialName, profileId, origin: 'manual' } }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => apiRequest(passportPaths.mapping(organisationId, mapping.id), z.unknown(), { method: 'DELETE' }),
    onSuccess: done,
  });
  return (
    <tr>
      <th scope="row">{mapping.materialName}</th>
      <td>{mapping.profileName ?? mapping.profileId}</td>
      <td>{mapping.declaredUnit ? t(`passports.unitNames.${mapping.declaredUnit}`) : '–'}</td>
      <td>{t(`passports.mappingOrigin.${mapping.origin}`)}</td>
      <td>
        {mapping.updatedBy?.name ?? t('passports.mapping.unknownUser')}, {formatDateTime(mapping.updatedAt)}
      </td>
      {mayEdit ? (
        <td>
          <div className="exports__list">
            <button type="button" className="button button--secondary button--small" aria-label={t('passports.orgMappings.changeFor', { name: mapping.materialName })} onClick={() => setPicking(true)}>
              {t('passports.mapping.change')}
            </button>
            <button type="button" className="button button--secondary button--small" disabled={remove.isPending} aria-label={t('passports.orgMappings.removeFor', { name: mapping.materialName })} onClick={() => remove.mutate()}>
              {t('passports.orgMappings.remove')}
            </button>
          </div>
          {change.isError ? <ErrorMessage error={change.error} /> : null}
          {remove.isError ? <ErrorMessage error={remove.error} /> : null}
          {picking ? (
            <ProfilePicker
              subject={mapping.materialName}
              profiles={profiles.data}
              currentId={mapping.profileId}
              onClose={() => setPicking(false)}
              onChoose={(profileId) => {
                setPicking(false);
                change.mutate(profileId);
              }}
            />
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
