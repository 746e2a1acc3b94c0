import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PassportDocument, PassportVersion, Project } from '@kringbouw/contracts';
import { canEditMaterialMappings, canEditPassports } from '@kringbouw/domain/authz';
import { ApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Badge, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { useAllOrganisations, useProject } from '../projects/api.ts';
import { passportPaths, useCreatePassportVersion, usePassportVersion, usePublishPassportVersion, useUpdatePassportVersion } from './api.ts';
import { setProfileForMaterial, toEnginePassport } from './document.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { MaterialsPanel } from './MaterialsPanel.tsx';
import { parseDecimal, formatInput } from './numbers.ts';
import { PassportWorkspace } from './PassportWorkspace.tsx';
import { useLiveIndicators } from './use-engine.ts';
import './passports.css';

export default function PassportEditorPage() {
  const { id = '', versionId = '' } = useParams();
  const project = useProject(id);
  const version = usePassportVersion(id, versionId);
  const { t } = useTranslation();
  usePageTitle(version.data ? `${t('passports.title')} ${version.data.number} · ${project.data?.name ?? ''}` : t('passports.title'));
  if (project.isPending || version.isPending) return <Loading />;
  for (const query of [project, version]) {
    if (query.isError) {
      if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage resource="project" />;
      return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
    }
  }
  if (!project.data || !version.data) return <Loading />;
  // Remount on another version or a newer revision from the server (save, mapping applied, publish).
  return <PassportEditor key={`${version.data.id}:${version.data.revision}:${version.data.status}`} project={project.data} version={version.data} />;
}

type Tab = 'lines' | 'materials' | 'report';

function PassportEditor({ project, version }: { project: Project; version: PassportVersion }) {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const organisations = useAllOrganisations();
  const mayEdit = canEditPassports(actor, project) && version.status === 'concept';
  const mayMap = canEditMaterialMappings(actor, version.mappingOrganisationId);
  const [doc, setDoc] = useState<PassportDocument>(version.passport);
  const [dirty, setDirty] = useState(false);
  // The tab lives in the address, so it survives the remount after a save and can be linked to.
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = tabParam === 'materials' || tabParam === 'report' || tabParam === 'lines' ? tabParam : version.unmappedCount > 0 && version.status === 'concept' ? 'materials' : 'lines';
  const setTab = (next: Tab) => setParams((p) => {
    p.set('tab', next);
    return p;
  }, { replace: true });
  const save = useUpdatePassportVersion(project.id, version.id);
  const copy = useCreatePassportVersion(project.id);
  const enginePassport = useMemo(() => toEnginePassport(doc), [doc]);
  const live = useLiveIndicators(enginePassport ?? undefined);
  const organisationName = organisations.data?.items.find((o) => o.id === version.mappingOrganisationId)?.name;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: PassportDocument) => {
    setDoc(next);
    setDirty(true);
  };
  const tabs: Tab[] = version.importReport ? ['lines', 'materials', 'report'] : ['lines', 'materials'];
  const unavailable = doc.project.bvoM2 === null ? t('passports.indicators.noBvo') : enginePassport === null ? t('passports.indicators.noLines') : null;

  return (
    <article className="page passport-page">
      <p className="breadcrumb">
        <Link to={`/projecten/${project.id}`}>{project.name}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {t('passports.versionTitle', { number: version.number, label: version.label })}{' '}
            <Badge tone={version.status === 'vastgesteld' ? 'success' : 'neutral'}>{t(`passports.status.${version.status}`)}</Badge>
          </h1>
          <p className="lead">
            {version.status === 'vastgesteld' && version.publishedAt
              ? t('passports.publishedBy', { who: version.publishedBy?.name ?? t('passports.mapping.unknownUser'), when: formatDateTime(version.publishedAt) })
              : t('passports.createdBy', { who: version.createdBy?.name ?? t('passports.mapping.unknownUser'), when: formatDateTime(version.createdAt) })}
            {' · '}
            {t('passports.lineCount', { count: version.lineCount })}
          </p>
        </div>
        <div className="page-header__actions">
          {mayEdit ? (
            <button
              type="button"
              className="button"
              disabled={!dirty || save.isPending}
              onClick={() => save.mutate({ revision: version.revision, passport: doc })}
            >
              {save.isPending ? t('common.saving') : dirty ? t('passports.save') : t('passports.saved')}
            </button>
          ) : null}
          {version.status === 'vastgesteld' && canEditPassports(actor, project) ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={copy.isPending}
              onClick={() => copy.mutate({ copyOf: version.id }, { onSuccess: (created) => void navigate(`/projecten/${project.id}/paspoorten/${created.id}`) })}
            >
              {t('passports.newConceptFrom')}
            </button>
          ) : null}
        </div>
      </div>

      {save.isError ? (
        <ErrorMessage error={save.error}>
          {save.error instanceof ApiError && save.error.status === 409 ? <p>{t('passports.conflict')}</p> : null}
        </ErrorMessage>
      ) : null}
      {copy.isError ? <ErrorMessage error={copy.error} /> : null}
      {version.status === 'vastgesteld' ? <p className="notice">{t('passports.readOnly')}</p> : null}

      {mayEdit ? <ProjectDataBar doc={doc} onChange={change} /> : null}

      <div
        className="tabs"
        role="tablist"
        aria-label={t('passports.tabs.label')}
        onKeyDown={(event) => {
          // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab goes on to the panel.
          if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
          const index = tabs.indexOf(tab);
          const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length] ?? tab;
          setTab(next);
          document.getElementById(`tab-${next}`)?.focus();
        }}
      >
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(name)}
          >
            {name === 'materials' ? t('passports.tabs.materials', { count: version.unmappedCount }) : t(`passports.tabs.${name}`)}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'lines' ? (
          <PassportWorkspace doc={doc} onChange={change} readOnly={!mayEdit} view={live.view} calculating={live.calculating} unavailable={unavailable} />
        ) : tab === 'materials' ? (
          <MaterialsPanel
            projectId={project.id}
            version={version}
            mayMap={mayMap}
            mayEditLines={mayEdit}
            dirty={dirty}
            organisationName={organisationName}
            onSetLocally={(material, profileId) => change(setProfileForMaterial(doc, material, profileId))}
          />
        ) : version.importReport ? (
          <ImportReportView report={version.importReport} />
        ) : null}
      </div>

      <div className="passport-footer">
        <ExportLinks projectId={project.id} version={version} />
        {mayEdit ? <PublishSection project={project} version={version} dirty={dirty} /> : null}
      </div>
    </article>
  );
}

/** BVO and building type of the passport: without a BVO nothing can be expressed per m². */
function ProjectDataBar({ doc, onChange }: { doc: PassportDocument; onChange: (doc: PassportDocument) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatInput(doc.project.bvoM2 ?? undefined));
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    const parsed = parseDecimal(text);
    if (!parsed.ok || (parsed.value !== undefined && parsed.value <= 0)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const bvoM2 = parsed.value ?? null;
    if (bvoM2 !== doc.project.bvoM2) onChange({ ...doc, project: { ...doc.project, bvoM2 } });
  };
  return (
    <div className="project-data-bar">
      <label htmlFor="passport-bvo" className="field__label">
        {t('passports.projectData.bvo')}
      </label>
      <input
        id="passport-bvo"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'passport-bvo-error' : 'passport-bvo-hint'}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span id="passport-bvo-hint" className="field__hint">{t('passports.projectData.bvoHint')}</span>
      {invalid ? <span id="passport-bvo-error" className="field__error">{t('passports.projectData.bvoInvalid')}</span> : null}
      <span className="muted">{t(`buildingTypes.${doc.project.buildingType}`)}</span>
    </div>
  );
}

function ExportLinks({ projectId, version }: { projectId: string; version: PassportVersion }) {
  const { t } = useTranslation();
  const formats = version.status === 'vastgesteld' ? (['xlsx', 'json', 'lcax', 'pdf'] as const) : (['xlsx', 'json', 'lcax'] as const);
  return (
    <section aria-labelledby="exports-heading" className="exports">
      <h2 id="exports-heading">{t('passports.exports.title')}</h2>
      <ul className="plain-list exports__list">
        {formats.map((format) => (
          <li key={format}>
            <a className="button button--secondary button--small" href={passportPaths.export(projectId, version.id, format)} download>
              {t(`passports.exports.${format}`)}
            </a>
          </li>
        ))}
        {version.originalFile ? (
          <li>
            <a className="button button--secondary button--small" href={passportPaths.original(projectId, version.id)} download>
              {t('passports.exports.original', { name: version.originalFile.name })}
            </a>
          </li>
        ) : null}
      </ul>
      {version.status === 'concept' ? <p className="muted">{t('passports.exports.pdfAfterPublish')}</p> : null}
    </section>
  );
}

function PublishSection({ project, version, dirty }: { project: Project; version: PassportVersion; dirty: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const publish = usePublishPassportVersion(project.id, version.id);
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="publish-heading" className="publish">
      <h2 id="publish-heading">{t('passports.publish.title')}</h2>
      {!confirming ? (
        <>
          <p>{t('passports.publish.explain')}</p>
          {dirty ? <p className="notice notice--warning">{t('passports.publish.saveFirst')}</p> : null}
          <button
            type="button"
            className="button"
            disabled={dirty}
            onClick={() => {
              setConfirming(true);
              window.setTimeout(() => confirmRef.current?.focus(), 0);
            }}
          >
            {t('passports.publish.action')}
          </button>
        </>
      ) : (
        <div role="alertdialog" aria-labelledby="publish-confirm-text" className="confirm">
          <p id="publish-confirm-text">{t('passports.publish.confirm', { number: version.number, label: version.label })}</p>
          {publish.isError ? <ErrorMessage error={publish.error} /> : null}
          <div className="form__actions">
            <button ref={confirmRef} type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate(version.revision)}>
              {t('passports.publish.confirmAction')}
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
