import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '@kringbouw/contracts';
import { canEditPassports } from '@kringbouw/domain/authz';
import { Badge, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useActor } from '../auth/session.ts';
import { useCreatePassportVersion, usePassportVersions } from './api.ts';
import { IndicatiefTag } from './Indicatief.tsx';
import { formatNumber } from './numbers.ts';
import './passports.css';

/** "Materialenpaspoort" on the project page: the versions, a new concept, import and compare. */
export function PassportSection({ project }: { project: Project }) {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const versions = usePassportVersions(project.id);
  const create = useCreatePassportVersion(project.id);
  const mayEdit = canEditPassports(actor, project);
  const items = versions.data?.items ?? [];

  return (
    <section aria-labelledby="passport-heading" className="card passport-section">
      <div className="passport-section__header">
        <h2 id="passport-heading">{t('passports.section.title')}</h2>
        <div className="passport-section__actions">
          {mayEdit ? (
            <>
              <Link className="button button--small" to={`/projecten/${project.id}/paspoorten/importeren`}>
                {t('passports.section.import')}
              </Link>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={create.isPending}
                onClick={() => create.mutate({}, { onSuccess: (created) => void navigate(`/projecten/${project.id}/paspoorten/${created.id}`) })}
              >
                {t('passports.section.newConcept')}
              </button>
            </>
          ) : null}
          {items.length >= 2 ? (
            <Link className="button button--secondary button--small" to={`/projecten/${project.id}/paspoorten/vergelijken`}>
              {t('passports.section.compare')}
            </Link>
          ) : null}
        </div>
      </div>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.data && items.length === 0 ? <p className="muted">{t('passports.section.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrapper">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('passports.section.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('passports.section.version')}</th>
                <th scope="col">{t('passports.section.status')}</th>
                <th scope="col" className="numeric">{t('passports.section.lines')}</th>
                <th scope="col" className="numeric">{t('passports.section.unmapped')}</th>
                <th scope="col" className="numeric">
                  MPG <IndicatiefTag />
                </th>
                <th scope="col">{t('passports.section.who')}</th>
              </tr>
            </thead>
            <tbody>
              {[...items].reverse().map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link className="table__primary-link" to={`/projecten/${project.id}/paspoorten/${v.id}`}>
                      {t('passports.versionTitle', { number: v.number, label: v.label })}
                    </Link>
                    <span className="field__hint">{t(`passports.sources.${v.source}`)}</span>
                  </th>
                  <td>
                    <Badge tone={v.status === 'vastgesteld' ? 'success' : 'neutral'}>{t(`passports.status.${v.status}`)}</Badge>
                  </td>
                  <td className="numeric">{formatNumber(v.lineCount, 0)}</td>
                  <td className="numeric">{v.unmappedCount > 0 ? <strong>{formatNumber(v.unmappedCount, 0)}</strong> : '0'}</td>
                  <td className="numeric">{v.mpg === null ? '–' : formatNumber(v.mpg, 3, 2)}</td>
                  <td>
                    {v.status === 'vastgesteld' && v.publishedAt
                      ? t('passports.publishedBy', { who: v.publishedBy?.name ?? '–', when: formatDateTime(v.publishedAt) })
                      : t('passports.createdBy', { who: v.createdBy?.name ?? '–', when: formatDateTime(v.createdAt) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
