/**
 * "Indicatoren" on the project page: per catalogue indicator the current official and indicative value (each with its
 * badge, never combined), the HNN level check, the history, and — for editors — declaring an official value with its
 * report PDF or withdrawing one. Per indicator its trend (official and indicative values as separate lines, the HNN
 * level as reference, with a table). Dwellings and the industrialised share fall back to the project record — which
 * is what the dashboards count — labelled as such, when the ledger holds no value.
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectIndicators } from '@kringbouw/contracts';
import { ApiError } from '../../api/client.ts';
import { Badge, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDateTime, formatDecimal, formatInteger, formatIsoDate, formatShortDate } from '../../lib/format.ts';
import { phaseLabel } from '../projects/labels.ts';
import { indicatorTrend, type IndicatorTrend } from './indicatorTrend.ts';
import { IndicatorTrendChart, trendChartOption } from './IndicatorTrendChart.tsx';
import { monitoringPaths, useDeclareIndicator, useProjectIndicators, useWithdrawIndicator } from './api.ts';
import './monitoring.css';

type IndicatorRow = ProjectIndicators['indicators'][number];
type Current = NonNullable<IndicatorRow['official']>;
/** What the section reads from the project record: dwellings and concept for the fallback (the trend's phases come from the ledger). */
export type IndicatorProject = Pick<Project, 'id' | 'dwellings' | 'concept'>;

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

export function IndicatorSection({ project }: { project: IndicatorProject }) {
  const { t, i18n } = useTranslation();
  const projectId = project.id;
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
            <IndicatorRows key={row.indicator.id} project={project} row={row} canWithdraw={data.canDeclare} open={open === row.indicator.id} onToggle={() => setOpen(open === row.indicator.id ? null : row.indicator.id)} language={i18n.language} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function IndicatorRows({ project, row, canWithdraw, open, onToggle, language }: { project: IndicatorProject; row: IndicatorRow; canWithdraw: boolean; open: boolean; onToggle: () => void; language: string }) {
  const { t } = useTranslation();
  const name = language === 'en' ? row.indicator.en : row.indicator.nl;
  const fromRecord = projectRecordValue(t, project, row);
  return (
    <>
      <tr data-indicator={row.indicator.id}>
        <th scope="row">{name}</th>
        {fromRecord !== null && row.official === null && row.indicative === null ? (
          <td colSpan={2}>{fromRecord}</td>
        ) : (
          <>
            <td>
              <ValueCell row={row} current={row.official} />
              {fromRecord !== null ? <div className="muted indicator-record-note">{fromRecord}</div> : null}
            </td>
            <td>
              <ValueCell row={row} current={row.indicative} />
            </td>
          </>
        )}
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
            <Trend row={row} name={name} />
            <History projectId={project.id} row={row} canWithdraw={canWithdraw} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/**
 * Dwellings and the industrialised share from the project record (not a ledger source): the dashboards count these
 * two from the project record (dwellings; a building concept = all its dwellings industrialised/conceptual).
 */
function projectRecordValue(t: TFunction, project: IndicatorProject, row: IndicatorRow): ReactNode {
  const badge = (
    <Badge tone="neutral" title={t('indicatorTrend.record.explain')}>
      {t('indicatorTrend.record.badge')}
    </Badge>
  );
  if (row.indicator.id === 'dwellings') {
    return (
      <span data-source="project-record">
        <strong>{formatInteger(project.dwellings)}</strong> <span className="muted">{row.indicator.unit}</span> {badge}
        <div className="muted">{t('indicatorTrend.record.dwellingsCounted')}</div>
      </span>
    );
  }
  if (row.indicator.id === 'industrialisedShare') {
    const concept = project.concept;
    return (
      <span data-source="project-record">
        <strong>{formatInteger(concept === null ? 0 : 100)}</strong> <span className="muted">{row.indicator.unit}</span> {badge}
        <div className="muted">
          {concept === null
            ? t('indicatorTrend.record.noConcept')
            : concept.supplier
              ? t('indicatorTrend.record.conceptWithSupplier', { name: concept.name, supplier: concept.supplier })
              : t('indicatorTrend.record.concept', { name: concept.name })}
        </div>
        <div className="muted">{t(concept === null ? 'indicatorTrend.record.notCounted' : 'indicatorTrend.record.counted')}</div>
      </span>
    );
  }
  return null;
}

/** Axis label of a trend point: the recording date, and the passport version of a computed value. */
function pointLabel(t: TFunction, point: IndicatorTrend['points'][number]): string {
  return point.passportVersion === null ? formatShortDate(point.recordedAt) : `${formatShortDate(point.recordedAt)} · ${t('indicatorTrend.version', { number: point.passportVersion })}`;
}

/** The phase a trend point was recorded in; a phase derived afterwards (recorded before phases were stored) says so. */
function PointPhase({ point }: { point: IndicatorTrend['points'][number] }) {
  const { t } = useTranslation();
  const phase = point.phase === null ? <span className="muted">{t('indicatorTrend.noPhase')}</span> : phaseLabel(t, point.phase);
  if (point.phaseSource === 'vastgelegd') return phase;
  return (
    <>
      {phase}{' '}
      <Badge tone="neutral" title={t('indicatorTrend.derivedExplain')}>
        {t('indicatorTrend.derived')}
      </Badge>
    </>
  );
}

function Trend({ row, name }: { row: IndicatorRow; name: string }) {
  const { t } = useTranslation();
  const trend = useMemo(() => indicatorTrend(row), [row]);
  const decimals = row.indicator.decimals;
  const format = useMemo(() => (value: number) => formatDecimal(value, decimals), [decimals]);
  const referenceText = trend.reference === null ? null : `${trend.reference.comparison === 'max' ? '≤' : '≥'} ${formatDecimal(trend.reference.level, Math.max(decimals, 2))}`;
  const names = useMemo(
    () => ({ official: t('indicatorTrend.official'), indicative: t('indicatorTrend.indicative'), reference: referenceText === null ? null : t('indicatorTrend.reference', { level: referenceText }) }),
    [t, referenceText],
  );
  const option = useMemo(() => trendChartOption(trend, trend.points.map((p) => pointLabel(t, p)), names, format), [trend, names, format, t]);
  if (trend.points.length === 0) return null;
  return (
    <div className="indicator-trend">
      <h3>{t('indicatorTrend.title', { indicator: name })}</h3>
      <IndicatorTrendChart option={option} ariaLabel={t('indicatorTrend.chartLabel', { indicator: name, unit: row.indicator.unit })} />
      <p className="muted">
        {t('indicatorTrend.separate')} {t('indicatorTrend.phaseNote')}
        {trend.points.some((p) => p.phaseSource === 'afgeleid') ? ` ${t('indicatorTrend.derivedNote')}` : null}
        {trend.withdrawnLeftOut > 0 ? ` ${t('indicatorTrend.withdrawnLeftOut', { count: trend.withdrawnLeftOut })}` : null}
      </p>
      <details>
        <summary>{t('indicatorTrend.showTable')}</summary>
        <div className="monitoring-table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('indicatorTrend.tableCaption', { indicator: name, unit: row.indicator.unit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicatorTrend.columns.recorded')}</th>
                <th scope="col">{t('indicatorTrend.columns.phase')}</th>
                <th scope="col">{t('indicatorTrend.columns.version')}</th>
                <th scope="col">{t('indicatorTrend.official')}</th>
                <th scope="col">{t('indicatorTrend.indicative')}</th>
                {referenceText !== null ? <th scope="col">{t('indicatorTrend.columns.reference')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {trend.points.map((point) => (
                <tr key={point.entryId} data-trend-point={point.entryId}>
                  <td>{formatDateTime(point.recordedAt)}</td>
                  <td>
                    <PointPhase point={point} />
                  </td>
                  <td>{point.passportVersion === null ? '—' : t('indicatorTrend.version', { number: point.passportVersion })}</td>
                  <td>{point.standing === 'officieel' ? format(point.value) : '—'}</td>
                  <td>{point.standing === 'indicatief' ? format(point.value) : '—'}</td>
                  {referenceText !== null ? <td>{referenceText}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
