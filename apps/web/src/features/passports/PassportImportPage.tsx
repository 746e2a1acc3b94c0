import { useEffect, useReducer, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { importJob, passportVersion, type ImportProblem } from '@kringbouw/contracts';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage, Loading, useErrorText } from '../../components/Status.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useProject } from '../projects/api.ts';
import { passportKeys, passportPaths, useCancelImport, usePassportVersion } from './api.ts';
import { followImportEvents, importReducer, problemsOf, type ImportEvent, type ImportState } from './import-progress.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { uploadFile } from '../../api/upload.ts';
import { formatNumber } from './numbers.ts';
import './passports.css';

export default function PassportImportPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const { t } = useTranslation();
  usePageTitle(t('passports.import.title'));
  if (project.isPending) return <Loading />;
  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => void project.refetch()} />;
  return (
    <article className="page passport-page">
      <p className="breadcrumb">
        <Link to={`/projecten/${project.data.id}`}>{project.data.name}</Link>
      </p>
      <h1>{t('passports.import.title')}</h1>
      <p className="lead">{t('passports.import.intro')}</p>
      <div className="import-grid">
        <TableImport projectId={project.data.id} />
        <IfcImport projectId={project.data.id} />
      </div>
    </article>
  );
}

function TableImport({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noFile, setNoFile] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problems && problems.length > 0) problemsRef.current?.focus();
  }, [problems]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setNoFile(!file);
    if (!file) return;
    setBusy(true);
    setProblems(null);
    setError(null);
    setProgress(0);
    try {
      const { body } = await uploadFile(passportPaths.importTable(projectId), file, { onProgress: setProgress });
      const created = passportVersion.parse(body);
      queryClient.setQueryData(passportKeys.version(projectId, created.id), created);
      void queryClient.invalidateQueries({ queryKey: passportKeys.versions(projectId) });
      void navigate(`/projecten/${projectId}/paspoorten/${created.id}`);
    } catch (caught) {
      const list = caught instanceof ApiError ? problemsOf(caught.details) : [];
      if (list.length > 0) setProblems(list);
      else setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card import-card" aria-labelledby="table-import-heading">
      <h2 id="table-import-heading">{t('passports.import.table.title')}</h2>
      <p>{t('passports.import.table.explain')}</p>
      <p>
        <a href={passportPaths.template} download>
          {t('passports.import.table.template')}
        </a>
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`field${noFile ? ' field--error' : ''}`}>
          <label htmlFor="table-file" className="field__label">
            {t('passports.import.table.file')}
          </label>
          <p id="table-file-hint" className="field__hint">{t('passports.import.table.fileHint')}</p>
          {noFile ? <p id="table-file-error" className="field__error">{t('passports.import.chooseFile')}</p> : null}
          <input
            ref={fileRef}
            id="table-file"
            type="file"
            accept=".xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
            aria-describedby={noFile ? 'table-file-hint table-file-error' : 'table-file-hint'}
            aria-invalid={noFile || undefined}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('passports.import.busy') : t('passports.import.table.submit')}
        </button>
        {busy ? <ProgressBar label={t('passports.import.phases.upload')} fraction={progress} /> : null}
      </form>
      {error ? (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {problems ? (
        <div className="import-problems" ref={problemsRef} tabIndex={-1} role="alert" aria-labelledby="problems-heading">
          <h3 id="problems-heading">{t('passports.import.problems.title', { count: problems.length })}</h3>
          <p>{t('passports.import.problems.nothingSaved')}</p>
          <div className="table-wrapper">
            <table className="table table--compact">
              <caption className="visually-hidden">{t('passports.import.problems.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">{t('passports.import.problems.row')}</th>
                  <th scope="col">{t('passports.import.problems.column')}</th>
                  <th scope="col">{t('passports.import.problems.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, index) => (
                  <tr key={`${p.row ?? ''}-${p.column ?? ''}-${index}`}>
                    <td className="numeric">{p.row === null ? '–' : formatNumber(p.row, 0)}</td>
                    <td>{p.column ?? '–'}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t('passports.import.problems.fixAndRetry')}</p>
        </div>
      ) : null}
    </section>
  );
}

function ProgressBar({ label, fraction }: { label: string; fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="import-progress">
      <p className="import-progress__label" id="import-progress-label">
        {label} — {percent} %
      </p>
      <progress max={100} value={percent} aria-labelledby="import-progress-label" />
    </div>
  );
}

type IfcAction = { type: 'reset' } | { type: 'uploading'; fraction: number } | { type: 'started'; jobId: string } | { type: 'rejected'; message: string; code: string } | ImportEvent;

function ifcReducer(state: ImportState, action: IfcAction): ImportState {
  switch (action.type) {
    case 'reset':
      return { stage: 'idle' };
    case 'uploading':
      return { stage: 'uploading', fraction: action.fraction };
    case 'started':
      return { stage: 'running', jobId: action.jobId, phase: 'extract', fraction: 0 };
    case 'rejected':
      return action.code === 'import_cancelled'
        ? { stage: 'cancelled', message: action.message }
        : { stage: 'failed', code: action.code, message: action.message, problems: [] };
    default:
      return importReducer(state, action);
  }
}

function IfcImport({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, dispatch] = useReducer(ifcReducer, { stage: 'idle' });
  const [noFile, setNoFile] = useState(false);
  const upload = useRef<AbortController | null>(null);
  const cancel = useCancelImport(projectId);
  const jobId = state.stage === 'running' ? state.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    const source = new EventSource(passportPaths.importEvents(projectId, jobId), { withCredentials: true });
    const stop = followImportEvents(source, dispatch);
    return stop;
  }, [projectId, jobId]);

  useEffect(() => {
    if (state.stage === 'done') void queryClient.invalidateQueries({ queryKey: passportKeys.versions(projectId) });
  }, [state, projectId, queryClient]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setNoFile(!file);
    if (!file) return;
    const controller = new AbortController();
    upload.current = controller;
    dispatch({ type: 'uploading', fraction: 0 });
    try {
      const { body } = await uploadFile(passportPaths.importIfc(projectId), file, {
        signal: controller.signal,
        onProgress: (fraction) => dispatch({ type: 'uploading', fraction }),
      });
      dispatch({ type: 'started', jobId: importJob.parse(body).id });
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') {
        dispatch({ type: 'rejected', code: 'import_cancelled', message: t('passports.import.cancelled') });
        return;
      }
      dispatch({ type: 'rejected', code: caught instanceof ApiError ? caught.code : 'error', message: errorText(caught) });
    } finally {
      upload.current = null;
    }
  };

  const busy = state.stage === 'uploading' || state.stage === 'running';
  const fraction = state.stage === 'uploading' ? state.fraction : state.stage === 'running' ? state.fraction : 0;
  const phaseLabel = state.stage === 'uploading' ? t('passports.import.phases.upload') : state.stage === 'running' ? t(`passports.import.phases.${state.phase}`) : '';

  return (
    <section className="card import-card" aria-labelledby="ifc-import-heading">
      <h2 id="ifc-import-heading">{t('passports.import.ifc.title')}</h2>
      <p>{t('passports.import.ifc.explain')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`field${noFile ? ' field--error' : ''}`}>
          <label htmlFor="ifc-file" className="field__label">
            {t('passports.import.ifc.file')}
          </label>
          <p id="ifc-file-hint" className="field__hint">{t('passports.import.ifc.fileHint')}</p>
          {noFile ? <p className="field__error">{t('passports.import.chooseFile')}</p> : null}
          <input ref={fileRef} id="ifc-file" type="file" accept=".ifc" aria-describedby="ifc-file-hint" aria-invalid={noFile || undefined} disabled={busy} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('passports.import.busy') : t('passports.import.ifc.submit')}
        </button>
      </form>
      {busy ? (
        <div className="import-running">
          <ProgressBar label={phaseLabel} fraction={fraction} />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              if (upload.current) upload.current.abort();
              else if (jobId) cancel.mutate(jobId);
            }}
          >
            {t('passports.import.cancel')}
          </button>
        </div>
      ) : null}
      <div aria-live="polite">
        {state.stage === 'failed' ? (
          <div className="notice notice--error" role="alert">
            <p>{state.code === 'connection_lost' ? t('passports.import.connectionLost') : state.message || t('errors.generic')}</p>
            <p>{t('passports.import.problems.nothingSaved')}</p>
            {state.problems.length > 0 ? (
              <ul>
                {state.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.stage === 'cancelled' ? (
          <div className="notice notice--warning" role="status">
            <p>{state.message || t('passports.import.cancelled')}</p>
          </div>
        ) : null}
        {state.stage === 'done' ? <IfcDone projectId={projectId} versionId={state.versionId} /> : null}
      </div>
    </section>
  );
}

function IfcDone({ projectId, versionId }: { projectId: string; versionId: string }) {
  const { t } = useTranslation();
  const version = usePassportVersion(projectId, versionId);
  return (
    <div className="notice notice--success" role="status">
      <p>{t('passports.import.ifc.done')}</p>
      {version.data?.importReport ? <ImportReportView report={version.data.importReport} /> : null}
      <p>
        <Link className="button" to={`/projecten/${projectId}/paspoorten/${versionId}`}>
          {t('passports.import.open')}
        </Link>
      </p>
    </div>
  );
}
