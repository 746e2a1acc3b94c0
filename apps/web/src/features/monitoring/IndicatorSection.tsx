/**
 * "Indicatoren" on the project page: per catalogue indicator the current official and indicative value (each with its
 * badge, never combined), the HNN level check, the history, and — for editors — declaring an official value with its
 * report PDF or withdrawing one.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectIndicators } from '@kringbouw/contracts';
import { ApiError } from '../../api/client.ts';
import { Badge, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDateTime, formatDecimal, formatIsoDate } from '../../lib/format.ts';
import { monitoringPaths, useDeclareIndicator, useProjectIndicators, useWithdrawIndicator } from './api.ts';
import './monitoring.css';

type IndicatorRow = ProjectIndicators['indicators'][number];
type Current = NonNullable<IndicatorRow['official']>;

function StandingBadge({ standing }: { standing: 'officieel' | 'indicatief' }) {
  const { t } = useTranslation();
  return (
    <Badge tone={standing === 'officieel' ? 'success' : 'neutral'} title={t(`monitoring.standing.${standing}Explain`)}>
      {t(`monitoring.standing.${standing}`)}
    </Badge>
  );
}

function HnnStatus({ current }: { current: Current }) {
  const { t } = useTranslation();
  const level = current.hnnLevel === null ? '' : ` (${current.hnnComparison === 'max' ? '≤' : '≥'} ${formatDecimal(current.hnnLevel, 2)})`;
  return <span className={`hnn-status hnn-status--${current.hnnStatus.replace(' ', '-')}`}>{t(`monitoring.hnn.${current.hnnStatus.replace(' ', '_')}`)}{level}</span>;
}

function ValueCell({ row, current }: { row: IndicatorRow; current: Current | null }) {
  if (current === null) return <span className="muted">—</span>;
  return (
    <>
      <strong>{formatDecimal(current.value, row.indicator.decimals)}</strong> <span className="muted">{row.indicator.unit}</span> <StandingBadge standing={current.standing} />
      {row.indicator.hasHnnLevel ? (
        <div>
          <HnnStatus current={current} />
        </div>
      ) : null}
    </>
  );
}

function History({ projectId, row, canWithdraw }: { projectId: string; row: IndicatorRow; canWithdraw: boolean }) {
  const { t, i18n } = useTranslation();
  const withdraw = useWithdrawIndicator(projectId);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  return (
    <div className="indicator-history">
      <table className="table">
        <thead>
          <tr>
            <th>{t('monitoring.history.when')}</th>
            <th>{t('monitoring.history.source')}</th>
            <th>{t('monitoring.history.value')}</th>
            <th>{t('monitoring.history.details')}</th>
            {canWithdraw ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {row.history.map(({ entry, withdrawn, superseded }) => (
            <tr key={entry.id} className={withdrawn || superseded ? 'indicator-history__old' : undefined}>
              <td>{formatDateTime(entry.recordedAt)}</td>
              <td>
                {t(`monitoring.source.${entry.withdrawsEntryId === null ? entry.source : 'withdrawal'}`)}
                {withdrawn ? <span className="muted"> · {t('monitoring.history.withdrawn')}</span> : null}
                {superseded ? <span className="muted"> · {t('monitoring.history.superseded')}</span> : null}
              </td>
              <td>{entry.value === null ? '—' : formatDecimal(entry.value, row.indicator.decimals)}</td>
              <td>
                {entry.passportVersion ? t('monitoring.history.passportVersion', { number: entry.passportVersion.number }) : null}
                {entry.tool ? `${entry.tool}${entry.toolVersion ? ` ${entry.toolVersion}` : ''}` : null}
                {entry.nmdVersion ? ` · ${entry.nmdVersion}` : null}
                {entry.calculationDate ? ` · ${formatIsoDate(entry.calculationDate)}` : null}
                {entry.recordedBy ? ` · ${entry.recordedBy.name}` : null}
                {entry.note ? <div className="muted">{entry.note}</div> : null}
                {entry.report ? (
                  <div>
                    <a href={monitoringPaths.report(projectId, entry.id)} download>
                      {t('monitoring.history.report', { name: entry.report.name })}
                    </a>
                  </div>
                ) : null}
              </td>
              {canWithdraw ? (
                <td>
                  {entry.source !== 'berekend' && entry.withdrawsEntryId === null && !withdrawn ? (
                    target === entry.id ? (
                      <form
                        onSubmit={(event) => {
                          event.preventDefault();
                          withdraw.mutate({ entryId: entry.id, reason }, { onSuccess: () => { setTarget(null); setReason(''); } });
                        }}
                      >
                        <label>
                          {t('monitoring.withdraw.reason')}
                          <input value={reason} onChange={(e) => setReason(e.target.value)} required lang={i18n.language} />
                        </label>
                        <button type="submit" className="button button--small" disabled={withdraw.isPending}>
                          {t('monitoring.withdraw.confirm')}
                        </button>
                      </form>
                    ) : (
                      <button type="button" className="button button--small button--secondary" onClick={() => setTarget(entry.id)}>
                        {t('monitoring.withdraw.action')}
                      </button>
                    )
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
    </div>
  );
}

function DeclareForm({ projectId, indicators, onDone }: { projectId: string; indicators: IndicatorRow[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const declare = useDeclareIndicator(projectId);
  const formId = useId();
  const [report, setReport] = useState<File | null>(null);
  const problems = declare.error instanceof ApiError ? declare.error.fieldProblems : [];
  const problemOf = (path: string) => problems.find((p) => p.path === path)?.message;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fields: Record<string, string> = {};
    for (const name of ['indicatorId', 'value', 'tool', 'toolVersion', 'nmdVersion', 'calculationDate', 'note']) fields[name] = String(data.get(name) ?? '').trim();
    // Dutch decimal comma.
    fields.value = (fields.value ?? '').replace(',', '.');
    declare.mutate({ fields, report }, { onSuccess: onDone });
  }

  const field = (name: string, label: string, input: ReactNode) => (
    <div className="field">
      <label htmlFor={`${formId}-${name}`}>{label}</label>
      {input}
      {problemOf(name) ? <p className="field__error" role="alert">{problemOf(name)}</p> : null}
    </div>
  );

  return (
    <form className="card declare-form" onSubmit={submit} aria-label={t('monitoring.declare.title')}>
      <h3>{t('monitoring.declare.title')}</h3>
      <p className="muted">{t('monitoring.declare.explain')}</p>
      {field(
        'indicatorId',
        t('monitoring.declare.indicator'),
        <select id={`${formId}-indicatorId`} name="indicatorId" defaultValue="mpg">
          {indicators
            .filter((i) => i.indicator.declarable)
            .map((i) => (
              <option key={i.indicator.id} value={i.indicator.id}>
                {i18n.language === 'en' ? i.indicator.en : i.indicator.nl} ({i.indicator.unit})
              </option>
            ))}
        </select>,
      )}
      {field('value', t('monitoring.declare.value'), <input id={`${formId}-value`} name="value" inputMode="decimal" required />)}
      {field('tool', t('monitoring.declare.tool'), <input id={`${formId}-tool`} name="tool" required placeholder="GPR Materiaal / MPG-calculator / …" />)}
      {field('toolVersion', t('monitoring.declare.toolVersion'), <input id={`${formId}-toolVersion`} name="toolVersion" required />)}
      {field('nmdVersion', t('monitoring.declare.nmdVersion'), <input id={`${formId}-nmdVersion`} name="nmdVersion" placeholder="NMD 3.x" />)}
      {field('calculationDate', t('monitoring.declare.calculationDate'), <input id={`${formId}-calculationDate`} name="calculationDate" type="date" required />)}
      {field('report', t('monitoring.declare.report'), <input id={`${formId}-report`} name="report" type="file" accept="application/pdf,.pdf" onChange={(e) => setReport(e.target.files?.[0] ?? null)} />)}
      {field('note', t('monitoring.declare.note'), <textarea id={`${formId}-note`} name="note" rows={2} />)}
      {declare.isError && problems.length === 0 ? <ErrorMessage error={declare.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={declare.isPending}>
          {t('monitoring.declare.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function IndicatorSection({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const query = useProjectIndicators(projectId);
  const [declaring, setDeclaring] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <section aria-labelledby="indicators-heading" className="card indicator-section">
      <div className="page-header">
        <h2 id="indicators-heading">{t('monitoring.title')}</h2>
        {data.canDeclare && !declaring ? (
          <button type="button" className="button" onClick={() => setDeclaring(true)}>
            {t('monitoring.declare.open')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('monitoring.explain', { hnn: data.hnnVersion, buildingType: t(`buildingTypes.${data.buildingType}`) })}</p>
      {declaring ? <DeclareForm projectId={projectId} indicators={data.indicators} onDone={() => setDeclaring(false)} /> : null}
      <table className="table indicator-table">
        <thead>
          <tr>
            <th>{t('monitoring.columns.indicator')}</th>
            <th>{t('monitoring.columns.official')}</th>
            <th>{t('monitoring.columns.indicative')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.indicators.map((row) => (
            <IndicatorRows key={row.indicator.id} projectId={projectId} row={row} canWithdraw={data.canDeclare} open={open === row.indicator.id} onToggle={() => setOpen(open === row.indicator.id ? null : row.indicator.id)} language={i18n.language} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function IndicatorRows({ projectId, row, canWithdraw, open, onToggle, language }: { projectId: string; row: IndicatorRow; canWithdraw: boolean; open: boolean; onToggle: () => void; language: string }) {
  const { t } = useTranslation();
  return (
    <>
      <tr data-indicator={row.indicator.id}>
        <th scope="row">{language === 'en' ? row.indicator.en : row.indicator.nl}</th>
        <td>
          <ValueCell row={row} current={row.official} />
        </td>
        <td>
          <ValueCell row={row} current={row.indicative} />
        </td>
        <td>
          {row.history.length > 0 ? (
            <button type="button" className="button button--small button--secondary" aria-expanded={open} onClick={onToggle}>
              {t('monitoring.history.toggle', { count: row.history.length })}
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={4}>
            <History projectId={projectId} row={row} canWithdraw={canWithdraw} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
