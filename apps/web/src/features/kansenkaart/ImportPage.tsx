import { useEffect, useId, useReducer, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { stockImportJob, type StockImportIssue, type StockImportResult, type StockListDetail } from '@kringbouw/contracts';
import { z } from 'zod';
import { ApiError, apiRequest } from '../../api/client.ts';
import { followImportEvents } from '../passports/import-progress.ts';
import { stockJobReducer } from './import-job.ts';
import { canActForOrganisation, canManageStockList } from '@kringbouw/domain/opportunities';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { formatInteger, formatShortDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor, useCurrentUser } from '../auth/session.ts';
import { groupMunicipalities, useMunicipalities } from '../municipalities/api.ts';
import { useAllOrganisations } from '../projects/api.ts';
import { rejectionOf, stockImportResult, stockKeys, stockListDetail, uploadStockFile, useDeleteStockList, useStockLists, type ImportIssueRow } from './api.ts';
import './kansenkaart.css';

type Phase = { state: 'idle' } | { state: 'uploading'; fraction: number } | { state: 'processing' } | { state: 'done' } | { state: 'failed'; error: unknown };

export default function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('kansenkaart.import.title'));
  const [searchParams] = useSearchParams();
  const initialMunicipality = /^GM\d{4}$/.test(searchParams.get('gemeente') ?? '') ? (searchParams.get('gemeente') ?? '') : '';
  const [municipalityCode, setMunicipalityCode] = useState(initialMunicipality);
  const user = useCurrentUser();
  const actor = useActor();
  const organisations = user.memberships.filter((m) => canActForOrganisation(actor, m.organisationId));
  const [organisationId, setOrganisationId] = useState(organisations[0]?.organisationId ?? '');
  const id = useId();

  return (
    <div className="page kk-import">
      <p className="breadcrumb">
        <Link to={municipalityCode ? `/kansenkaart?gemeente=${municipalityCode}` : '/kansenkaart'}>{t('kansenkaart.import.back')}</Link>
      </p>
      <h1>{t('kansenkaart.import.title')}</h1>
      <p className="lead">{t('kansenkaart.import.intro')}</p>
      {organisations.length === 0 ? (
        <div className="notice notice--warning">
          <p>{t('kansenkaart.import.noRights')}</p>
        </div>
      ) : (
        <>
          <div className="card kk-import__common">
            <MunicipalitySelect id={`${id}-municipality`} value={municipalityCode} onChange={setMunicipalityCode} />
            <div className="field">
              <label htmlFor={`${id}-org`} className="field__label">
                {t('kansenkaart.import.organisation')}
              </label>
              <select id={`${id}-org`} value={organisationId} onChange={(event) => setOrganisationId(event.target.value)}>
                {organisations.map((m) => (
                  <option key={m.organisationId} value={m.organisationId}>
                    {m.organisationName}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <BuildingsJobImport municipalityCode={municipalityCode} organisationId={organisationId} />
          <FileImport
            title={t('kansenkaart.import.units.title')}
            help={t('kansenkaart.import.units.help')}
            accept=".csv,.json,.geojson,.geojsonl,text/csv,application/json"
            disabled={municipalityCode === '' || organisationId === ''}
            url={`/api/stock/municipalities/${municipalityCode}/verblijfsobjecten?organisationId=${organisationId}`}
            municipalityCode={municipalityCode}
            submitLabel={t('kansenkaart.import.units.submit')}
          />
          <StockListImport municipalityCode={municipalityCode} organisationId={organisationId} />
        </>
      )}
      <StockLists />
    </div>
  );
}

function MunicipalitySelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const groups = groupMunicipalities(municipalities.data?.items ?? []);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t('kansenkaart.import.municipality')}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} required>
        <option value="">{t('common.choose')}</option>
        <optgroup label={t('municipalities.cityDeal')}>
          {groups.cityDeal.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('municipalities.other')}>
          {groups.other.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  if (phase.state === 'uploading') {
    const percent = Math.round(phase.fraction * 100);
    return (
      <div className="kk-progress">
        <progress max={100} value={percent} aria-label={t('kansenkaart.import.uploading')} />
        <span>{t('kansenkaart.import.uploadingPercent', { percent })}</span>
      </div>
    );
  }
  if (phase.state === 'processing') {
    return (
      <div className="kk-progress">
        <progress aria-label={t('kansenkaart.import.processing')} />
        <span>{t('kansenkaart.import.processing')}</span>
      </div>
    );
  }
  return null;
}

/** The per-row / per-feature problems of a file. */
export function IssueTable({ issues, caption }: { issues: readonly (ImportIssueRow | StockImportIssue)[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrapper">
      <table className="table kk-issues">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kansenkaart.import.issues.where')}</th>
            <th scope="col">{t('kansenkaart.import.issues.column')}</th>
            <th scope="col">{t('kansenkaart.import.issues.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={index}>
              <td>{issue.row !== undefined ? t('kansenkaart.import.issues.row', { row: issue.row }) : (issue.id ?? '—')}</td>
              <td>{issue.column ?? '—'}</td>
              <td>{issue.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rejection = rejectionOf(error);
  if (!rejection) return <ErrorMessage error={error} />;
  return (
    <div className="notice notice--error" role="alert">
      <p>{error instanceof Error ? error.message : t('errors.generic')}</p>
      {rejection.issues.length > 0 ? (
        <IssueTable
          issues={rejection.issues}
          caption={t('kansenkaart.import.issues.caption', { count: rejection.errorCount, shown: rejection.issues.length })}
        />
      ) : null}
    </div>
  );
}

function FileImport({
  title,
  help,
  accept,
  url,
  disabled,
  municipalityCode,
  submitLabel,
}: {
  title: string;
  help: string;
  accept: string;
  url: string;
  disabled: boolean;
  municipalityCode: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const [result, setResult] = useState<StockImportResult | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    setPhase({ state: 'uploading', fraction: 0 });
    uploadStockFile(url, stockImportResult, {}, file, (fraction) => setPhase(fraction >= 1 ? { state: 'processing' } : { state: 'uploading', fraction }))
      .then((data) => {
        setResult(data);
        setPhase({ state: 'done' });
        void queryClient.invalidateQueries({ queryKey: stockKeys.all });
      })
      .catch((error: unknown) => setPhase({ state: 'failed', error }));
  };
  const busy = phase.state === 'uploading' || phase.state === 'processing';

  return (
    <ImportSection title={title} help={help}>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t('kansenkaart.import.file')}
          </label>
          <input id={`${id}-file`} type="file" accept={accept} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <Progress phase={phase} />
        {phase.state === 'failed' ? <Failure error={phase.error} /> : null}
        {result ? (
          <div className="notice notice--success" role="status">
            <p>
              {t('kansenkaart.import.done', {
                imported: formatInteger(result.imported),
                units: formatInteger(result.verblijfsobjecten),
                rescored: formatInteger(result.rescored),
                rules: result.rulesVersion,
              })}
            </p>
            <Link className="button" to={`/kansenkaart?gemeente=${municipalityCode}`}>
              {t('kansenkaart.import.toMap')}
            </Link>
          </div>
        ) : null}
        {result && result.warnings.length > 0 ? <IssueTable issues={result.warnings} caption={t('kansenkaart.import.warnings', { count: result.warnings.length })} /> : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={disabled || file === null || busy}>
            {busy ? t('kansenkaart.import.busy') : submitLabel}
          </button>
        </div>
      </form>
    </ImportSection>
  );
}

/**
 * Buildings (3D BAG tile, GeoJSON): uploaded, then imported as a background job whose progress (read, score,
 * save) comes over server-sent events; "Afbreken" cancels it and nothing is saved.
 */
function BuildingsJobImport({ municipalityCode, organisationId }: { municipalityCode: string; organisationId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [state, dispatch] = useReducer(stockJobReducer, { stage: 'idle' });
  const [cancelError, setCancelError] = useState<unknown>(null);
  const jobId = state.stage === 'running' ? state.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    const source = new EventSource(`/api/stock/imports/${encodeURIComponent(jobId)}/events`, { withCredentials: true });
    return followImportEvents(source, dispatch);
  }, [jobId]);

  useEffect(() => {
    if (state.stage === 'done') void queryClient.invalidateQueries({ queryKey: stockKeys.all });
  }, [state.stage, queryClient]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setCancelError(null);
    dispatch({ type: 'uploading', fraction: 0 });
    uploadStockFile(`/api/stock/municipalities/${municipalityCode}/buildings/jobs?organisationId=${organisationId}`, stockImportJob, {}, file, (fraction) => dispatch({ type: 'uploading', fraction }))
      .then((job) => dispatch({ type: 'started', jobId: job.id }))
      .catch((error: unknown) =>
        dispatch({ type: 'rejected', code: error instanceof ApiError ? error.code : 'error', message: error instanceof Error ? error.message : t('errors.generic'), details: error instanceof ApiError ? error.details : undefined }),
      );
  };
  const cancel = () => {
    if (!jobId) return;
    apiRequest(`/api/stock/imports/${encodeURIComponent(jobId)}`, z.unknown(), { method: 'DELETE' }).catch((error: unknown) => setCancelError(error));
  };
  const busy = state.stage === 'uploading' || state.stage === 'running';
  const percent = state.stage === 'uploading' || state.stage === 'running' ? Math.round(state.fraction * 100) : 0;
  const phaseLabel = state.stage === 'uploading' ? t('kansenkaart.import.phases.upload') : state.stage === 'running' ? t(`kansenkaart.import.phases.${state.phase}`) : '';
  const result = state.stage === 'done' ? state.result : null;

  return (
    <ImportSection title={t('kansenkaart.import.buildings.title')} help={t('kansenkaart.import.buildings.help')}>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t('kansenkaart.import.file')}
          </label>
          <input id={`${id}-file`} type="file" accept=".json,.city.json,.geojson,.geojsonl,.geojsons,application/json" disabled={busy} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        {busy ? (
          <div className="kk-progress" data-testid="kk-import-progress" data-phase={state.stage === 'running' ? state.phase : 'upload'}>
            <progress max={100} value={percent} aria-label={phaseLabel} />
            <span>
              {phaseLabel} · {t('kansenkaart.import.percent', { percent })}
            </span>
            {state.stage === 'running' ? (
              <button type="button" className="button button--secondary" onClick={cancel}>
                {t('kansenkaart.import.cancel')}
              </button>
            ) : null}
          </div>
        ) : null}
        {cancelError ? <ErrorMessage error={cancelError} /> : null}
        {state.stage === 'cancelled' ? (
          <div className="notice notice--warning" role="status">
            <p>{state.message || t('kansenkaart.import.cancelled')}</p>
          </div>
        ) : null}
        {state.stage === 'failed' ? <Failure error={new ApiError(400, state.code, state.message || t('errors.generic'), state.details)} /> : null}
        {result ? (
          <div className="notice notice--success" role="status">
            <p>
              {t('kansenkaart.import.done', {
                imported: formatInteger(result.imported),
                units: formatInteger(result.verblijfsobjecten),
                rescored: formatInteger(result.rescored),
                rules: result.rulesVersion,
              })}
            </p>
            <Link className="button" to={`/kansenkaart?gemeente=${municipalityCode}`}>
              {t('kansenkaart.import.toMap')}
            </Link>
          </div>
        ) : null}
        {result && result.warnings.length > 0 ? <IssueTable issues={result.warnings} caption={t('kansenkaart.import.warnings', { count: result.warnings.length })} /> : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={municipalityCode === '' || organisationId === '' || file === null || busy}>
            {busy ? t('kansenkaart.import.busy') : t('kansenkaart.import.buildings.submit')}
          </button>
        </div>
      </form>
    </ImportSection>
  );
}

function ImportSection({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card kk-import__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{help}</p>
      {children}
    </section>
  );
}

function StockListImport({ municipalityCode, organisationId }: { municipalityCode: string; organisationId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const organisations = useAllOrganisations();
  const [name, setName] = useState('');
  const [sharedWith, setSharedWith] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const [created, setCreated] = useState<StockListDetail | null>(null);
  const partners = (organisations.data?.items ?? [])
    .filter((o) => o.id !== organisationId && (o.kind === 'gemeente' || o.kind === 'huurdersorganisatie' || o.kind === 'woningcorporatie'))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setCreated(null);
    setPhase({ state: 'uploading', fraction: 0 });
    uploadStockFile(
      '/api/stock/lists',
      stockListDetail,
      { organisationId, name: name.trim(), municipalityCode, sharedWith: sharedWith.join(',') },
      file,
      (fraction) => setPhase(fraction >= 1 ? { state: 'processing' } : { state: 'uploading', fraction }),
    )
      .then((list) => {
        setCreated(list);
        setPhase({ state: 'done' });
        void queryClient.invalidateQueries({ queryKey: stockKeys.all });
      })
      .catch((error: unknown) => setPhase({ state: 'failed', error }));
  };
  const busy = phase.state === 'uploading' || phase.state === 'processing';

  return (
    <ImportSection title={t('kansenkaart.import.list.title')} help={t('kansenkaart.import.list.help')}>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`} className="field__label">
            {t('kansenkaart.import.list.name')}
          </label>
          <input id={`${id}-name`} type="text" value={name} required maxLength={200} onChange={(event) => setName(event.target.value)} />
        </div>
        <fieldset className="kk-shares" aria-describedby={`${id}-shared-hint`}>
          <legend className="field__label">{t('kansenkaart.import.list.sharedWith')}</legend>
          <p className="field__hint" id={`${id}-shared-hint`}>
            {t('kansenkaart.import.list.sharedHint')}
          </p>
          <div className="kk-shares__options">
            {partners.map((o) => (
              <div className="checkbox" key={o.id}>
                <input
                  id={`${id}-share-${o.id}`}
                  type="checkbox"
                  checked={sharedWith.includes(o.id)}
                  onChange={(event) => setSharedWith((current) => (event.target.checked ? [...current, o.id] : current.filter((x) => x !== o.id)))}
                />
                <label htmlFor={`${id}-share-${o.id}`}>{o.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t('kansenkaart.import.file')}
          </label>
          <input id={`${id}-file`} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <Progress phase={phase} />
        {phase.state === 'failed' ? <Failure error={phase.error} /> : null}
        {created ? (
          <div className="notice notice--success" role="status">
            <p>{t('kansenkaart.import.list.done', { name: created.name, rows: formatInteger(created.rowCount) })}</p>
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={municipalityCode === '' || organisationId === '' || file === null || name.trim() === '' || busy}>
            {busy ? t('kansenkaart.import.busy') : t('kansenkaart.import.list.submit')}
          </button>
        </div>
      </form>
    </ImportSection>
  );
}

function StockLists() {
  const { t } = useTranslation();
  const lists = useStockLists();
  const actor = useActor();
  const remove = useDeleteStockList();
  const items = lists.data?.items ?? [];
  return (
    <section className="kk-import__section" aria-labelledby="kk-lists-heading">
      <h2 id="kk-lists-heading">{t('kansenkaart.lists.title')}</h2>
      {lists.isError ? <ErrorMessage error={lists.error} onRetry={() => void lists.refetch()} /> : null}
      {items.length === 0 && lists.isSuccess ? <p className="muted">{t('kansenkaart.lists.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrapper">
          <table className="table table--responsive">
            <caption className="visually-hidden">{t('kansenkaart.lists.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kansenkaart.lists.name')}</th>
                <th scope="col">{t('kansenkaart.lists.owner')}</th>
                <th scope="col">{t('kansenkaart.lists.municipality')}</th>
                <th scope="col" className="numeric">
                  {t('kansenkaart.lists.rows')}
                </th>
                <th scope="col">{t('kansenkaart.lists.created')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('kansenkaart.lists.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((list) => (
                <tr key={list.id}>
                  <td data-label={t('kansenkaart.lists.name')}>
                    <Link to={`/kansenkaart?gemeente=${list.municipalityCode}&lijst=${list.id}`}>{list.name}</Link>
                  </td>
                  <td data-label={t('kansenkaart.lists.owner')}>{list.ownerName}</td>
                  <td data-label={t('kansenkaart.lists.municipality')}>{list.municipalityCode}</td>
                  <td data-label={t('kansenkaart.lists.rows')} className="numeric">
                    {formatInteger(list.rowCount)}
                  </td>
                  <td data-label={t('kansenkaart.lists.created')}>{formatShortDate(list.createdAt)}</td>
                  <td>
                    {canManageStockList(actor, list) ? (
                      <ConfirmButton
                        label={t('kansenkaart.lists.delete')}
                        question={t('kansenkaart.lists.confirmDelete', { name: list.name })}
                        disabled={remove.isPending}
                        onConfirm={() => remove.mutate(list.id)}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
    </section>
  );
}
