import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CITY_DEAL_MIN_DWELLINGS, projectPhases } from '@kringbouw/domain/projects';
import { canDeleteProject, canEditProject } from '@kringbouw/domain/authz';
import type { Project } from '@kringbouw/contracts';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { formatArea, formatCoordinates, formatDateTime, formatInteger, formatIsoDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { useQueryClient } from '@tanstack/react-query';
import { projectKeys, useAllOrganisations, useDeleteProject, useProject } from './api.ts';
import { kindLabel, phaseLabel } from './labels.ts';
import { ProjectBadges } from './ProjectBadges.tsx';
import { PassportSection } from '../passports/PassportSection.tsx';
import { IndicatorSection } from '../monitoring/IndicatorSection.tsx';
import { listReturnPath } from './list-params.ts';

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const query = useProject(id);
  const { t } = useTranslation();
  usePageTitle(query.data?.name ?? t('projects.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage resource="project" />;
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <ProjectDetail project={query.data} />;
}

function ProjectDetail({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const organisations = useAllOrganisations();
  const ownerName =
    organisations.data?.items.find((o) => o.id === project.ownerOrganisationId)?.name ??
    project.parties.find((p) => p.organisationId === project.ownerOrganisationId)?.organisationName;
  const mayEdit = canEditProject(actor, project);
  const mayDelete = canDeleteProject(actor, project);
  const { state } = useLocation();

  return (
    <article className="page">
      <p className="breadcrumb">
        <Link to={listReturnPath(state)}>{t('projects.backToList')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {project.name} <ProjectBadges project={project} />
          </h1>
          <p className="lead">
            {kindLabel(t, project.kind)} · {project.municipalityName} · {t('projects.dwellingsCount', { count: project.dwellings, formatted: formatInteger(project.dwellings) })}
          </p>
        </div>
        {mayEdit ? (
          <div className="page-header__actions">
            <Link to={`/projecten/${project.id}/bewerken`} className="button">
              {t('projects.edit')}
            </Link>
          </div>
        ) : null}
      </div>

      {project.isExample ? (
        <div className="notice notice--example" role="note">
          <p>{t('projects.exampleNotice')}</p>
        </div>
      ) : null}

      {project.description ? <p className="description">{project.description}</p> : null}

      <div className="detail-grid">
        <section aria-labelledby="facts-heading" className="card">
          <h2 id="facts-heading">{t('projects.sections.facts')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('projects.fields.municipality')}</dt>
              <dd>
                {project.municipalityName} <span className="muted">({project.municipalityCode})</span>
              </dd>
            </div>
            <div>
              <dt>{t('projects.fields.kind')}</dt>
              <dd>{kindLabel(t, project.kind)}</dd>
            </div>
            <div>
              <dt>{t('projects.fields.phase')}</dt>
              <dd>{phaseLabel(t, project.phase)}</dd>
            </div>
            <div>
              <dt>{t('projects.fields.buildingType')}</dt>
              <dd>{t(`buildingTypes.${project.buildingType}`)}</dd>
            </div>
            <div>
              <dt>{t('projects.fields.dwellings')}</dt>
              <dd>
                {formatInteger(project.dwellings)}
                <span className="field__hint">
                  {project.dwellings >= CITY_DEAL_MIN_DWELLINGS
                    ? t('projects.cityDealScope.in', { min: CITY_DEAL_MIN_DWELLINGS })
                    : t('projects.cityDealScope.out', { min: CITY_DEAL_MIN_DWELLINGS })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('projects.fields.bvoM2')}</dt>
              <dd>{project.bvoM2 === null ? <span className="muted">{t('common.unknown')}</span> : formatArea(project.bvoM2)}</dd>
            </div>
            <div>
              <dt>{t('projects.fields.concept')}</dt>
              <dd>
                {project.concept ? (
                  <>
                    {project.concept.name}
                    {project.concept.supplier ? <span className="muted"> — {project.concept.supplier}</span> : null}
                  </>
                ) : (
                  <span className="muted">{t('projects.noConcept')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('projects.fields.location')}</dt>
              <dd>
                {project.location ? (
                  formatCoordinates(project.location.lat, project.location.lon, i18n.language)
                ) : (
                  <span className="muted">{t('common.unknown')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('projects.fields.visibility')}</dt>
              <dd>
                {t(`visibility.${project.visibility}`)}
                <span className="field__hint">{t(`visibility.explain.${project.visibility}`)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('projects.fields.owner')}</dt>
              <dd>
                <Link to={`/organisaties/${project.ownerOrganisationId}`}>{ownerName ?? t('projects.ownerOrganisation')}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('projects.fields.updatedAt')}</dt>
              <dd>
                <time dateTime={project.updatedAt}>{formatDateTime(project.updatedAt)}</time>
              </dd>
            </div>
          </dl>
        </section>

        <div className="detail-grid__aside">
          <section aria-labelledby="phases-heading" className="card">
            <h2 id="phases-heading">{t('projects.sections.phases')}</h2>
            <PhaseTimeline project={project} />
          </section>

          <section aria-labelledby="parties-heading" className="card">
            <h2 id="parties-heading">{t('projects.sections.parties')}</h2>
            {project.parties.length === 0 ? (
              <p className="muted">{t('projects.noParties')}</p>
            ) : (
              <ul className="party-list">
                {project.parties.map((party) => (
                  <li key={`${party.organisationId}-${party.role}`}>
                    <Link to={`/organisaties/${party.organisationId}`}>{party.organisationName}</Link>
                    <span className="party-list__role">{t(`partyRoles.${party.role}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <IndicatorSection project={project} />
      <PassportSection project={project} />

      {mayDelete ? <DeleteProject project={project} /> : null}
    </article>
  );
}

function PhaseTimeline({ project }: { project: Project }) {
  const { t } = useTranslation();
  const currentIndex = projectPhases.indexOf(project.phase);
  return (
    <ol className="timeline">
      {projectPhases.map((phase, index) => {
        const date = project.phaseDates[phase];
        const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
        return (
          <li key={phase} className={`timeline__step timeline__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="timeline__marker" aria-hidden="true" />
            <span className="timeline__label">
              {phaseLabel(t, phase)}
              {state === 'current' ? <span className="visually-hidden"> ({t('projects.currentPhase')})</span> : null}
            </span>
            <span className="timeline__date">{date ? <time dateTime={date}>{formatIsoDate(date)}</time> : <span className="muted">{t('projects.noDate')}</span>}</span>
          </li>
        );
      })}
    </ol>
  );
}

function DeleteProject({ project }: { project: Project }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteProject(project.id);
  const queryClient = useQueryClient();
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="delete-heading" className="danger-zone">
      <h2 id="delete-heading">{t('projects.delete.title')}</h2>
      {!confirming ? (
        <>
          <p>{t('projects.delete.explain')}</p>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setConfirming(true);
              window.setTimeout(() => confirmRef.current?.focus(), 0);
            }}
          >
            {t('projects.delete.action')}
          </button>
        </>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-confirm-text" className="confirm">
          <p id="delete-confirm-text">{t('projects.delete.confirm', { name: project.name })}</p>
          {remove.isError ? <ErrorMessage error={remove.error} /> : null}
          <div className="form__actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    void navigate('/projecten', { replace: true });
                    queryClient.removeQueries({ queryKey: projectKeys.detail(project.id), type: 'inactive' });
                  },
                })
              }
            >
              {t('projects.delete.confirmAction')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
