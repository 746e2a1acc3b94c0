/**
 * Renovation and sustainability plans (kansenkaart §5): where and when corporations renovate (timeline and map
 * per buurt or complex), the plans you may see with their rows (form and CSV/XLSX upload), and neighbourhoods
 * designated for extra attention. State in the URL: ?gemeente=GM0503&plan=<id>&van=2027&tot=2036.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { RenovationOverview, RenovationPlanDetail } from '@kringbouw/contracts';
import { canManageRenovationRecord, designationCategories, type DesignationCategory } from '@kringbouw/domain/renovation';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatInteger, formatShortDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor, useCurrentUser } from '../auth/session.ts';
import { useMunicipalityBoundary, rejectionOf } from '../kansenkaart/api.ts';
import { IssueTable } from '../kansenkaart/ImportPage.tsx';
import { groupMunicipalities, useMunicipalities } from '../municipalities/api.ts';
import { MunicipalityOptions } from '../municipalities/MunicipalityOptions.tsx';
import { useAllOrganisations } from '../projects/api.ts';
import { renovationKeys, uploadPlan, useAddPlanRow, useCreateDesignation, useCreatePlan, useDeleteDesignation, useDeletePlan, useDeletePlanRow, useOverview, usePlan, usePlans, useSharePlan } from './api.ts';
import { categoryColours, interventionColours, peakYear } from './chart-data.ts';
import { PlanRowForm } from './PlanRowForm.tsx';
import { RenovationMap } from './RenovationMap.tsx';
import { RenovationTimeline } from './RenovationTimeline.tsx';
import '../kansenkaart/kansenkaart.css';
import './renovation.css';

const PLAN_SPAN_YEARS = 10;

function yearParam(value: string | null, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}

export default function RenovationPage() {
  const { t } = useTranslation();
  usePageTitle(t('renovation.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const municipalityCode = /^GM\d{4}$/.test(searchParams.get('gemeente') ?? '') ? (searchParams.get('gemeente') ?? undefined) : undefined;
  const thisYear = new Date().getFullYear();
  const fromYear = yearParam(searchParams.get('van'), thisYear);
  const toYear = Math.max(fromYear, yearParam(searchParams.get('tot'), fromYear + PLAN_SPAN_YEARS - 1));
  const planId = searchParams.get('plan') ?? undefined;
  const overview = useOverview(municipalityCode, fromYear, toYear);
  const boundary = useMunicipalityBoundary(municipalityCode);
  const municipalities = useMunicipalities();
  const id = useId();

  const change = (values: Record<string, string | undefined>) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      return next;
    });

  return (
    <div className="page rn-page">
      <p className="breadcrumb">
        <Link to={municipalityCode ? `/kansenkaart?gemeente=${municipalityCode}` : '/kansenkaart'}>{t('renovation.back')}</Link>
      </p>
      <h1>{t('renovation.title')}</h1>
      <p className="lead">{t('renovation.intro')}</p>
      <div className="card rn-filters">
        <div className="field">
          <label htmlFor={`${id}-municipality`} className="field__label">
            {t('renovation.municipality')}
          </label>
          <select id={`${id}-municipality`} value={municipalityCode ?? ''} onChange={(e) => change({ gemeente: e.target.value, plan: undefined })}>
            <option value="">{t('common.choose')}</option>
            <MunicipalityOptions groups={groupMunicipalities(municipalities.data?.items ?? [])} />
          </select>
        </div>
        <YearField label={t('renovation.fromYear')} value={fromYear} onCommit={(year) => change({ van: String(year) })} />
        <YearField label={t('renovation.toYear')} value={toYear} onCommit={(year) => change({ tot: String(year) })} />
      </div>
      {municipalityCode === undefined ? (
        <div className="empty-state">
          <p>{t('renovation.chooseMunicipality')}</p>
        </div>
      ) : (
        <>
          <section className="rn-section" aria-labelledby={`${id}-where`}>
            <h2 id={`${id}-where`}>{t('renovation.whereWhen')}</h2>
            {overview.isError ? <ErrorMessage error={overview.error} onRetry={() => void overview.refetch()} /> : null}
            {overview.isPending ? <Loading /> : null}
            {overview.data ? <OverviewSummary overview={overview.data} /> : null}
            <div className="rn-where">
              {overview.data ? <RenovationTimeline years={overview.data.years} ariaLabel={t('renovation.timeline.label', { from: fromYear, to: toYear })} /> : null}
              <RenovationMap overview={overview.data} boundary={boundary.data} />
            </div>
            {overview.data ? <AreaTable overview={overview.data} /> : null}
          </section>
          <Plans municipalityCode={municipalityCode} selected={planId} onSelect={(plan) => change({ plan })} />
          {planId ? <PlanDetail planId={planId} buurten={overview.data?.buurten ?? []} defaultYear={fromYear} /> : null}
          <Designations municipalityCode={municipalityCode} overview={overview.data} />
        </>
      )}
    </div>
  );
}

function YearField({ label, value, onCommit }: { label: string; value: number; onCommit: (year: number) => void }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const commit = () => {
    const year = Number(text);
    if (Number.isInteger(year) && year >= 2000 && year <= 2100 && year !== value) onCommit(year);
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={2000}
        max={2100}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}

function OverviewSummary({ overview }: { overview: RenovationOverview }) {
  const { t } = useTranslation();
  const peak = peakYear(overview.years);
  const busiest = overview.areas[0];
  const total = overview.years.reduce((sum, y) => sum + y.total, 0);
  if (overview.plans.length === 0) return <p className="muted">{t('renovation.noPlans')}</p>;
  return (
    <p data-testid="renovation-summary">
      {t('renovation.summary', { dwellings: formatInteger(total), plans: overview.plans.length })}{' '}
      {peak ? t('renovation.peak', { year: peak.year, dwellings: formatInteger(peak.total) }) : null}{' '}
      {busiest ? t('renovation.busiestArea', { name: busiest.name, dwellings: formatInteger(busiest.total) }) : null}
    </p>
  );
}

function AreaTable({ overview }: { overview: RenovationOverview }) {
  const { t } = useTranslation();
  if (overview.areas.length === 0) return null;
  const years = overview.years.map((y) => y.year);
  return (
    <div className="table-wrapper">
      <table className="table rn-areas">
        <caption>{t('renovation.areas.caption', { from: overview.fromYear, to: overview.toYear })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('renovation.areas.area')}</th>
            {years.map((year) => (
              <th scope="col" className="numeric" key={year}>
                {year}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('renovation.areas.total')}
            </th>
            <th scope="col">{t('renovation.areas.onMap')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.areas.map((area) => (
            <tr key={area.key}>
              <th scope="row">{area.kind === 'buurt' ? area.name : t('renovation.areas.complex', { name: area.name })}</th>
              {years.map((year) => (
                <td className="numeric" key={year}>
                  {area.perYear[String(year)] ? formatInteger(area.perYear[String(year)] ?? 0) : ''}
                </td>
              ))}
              <td className="numeric">{formatInteger(area.total)}</td>
              <td>{area.outline ? t('renovation.areas.buildings', { count: area.buildings }) : t('renovation.areas.notOnMap')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Plans({ municipalityCode, selected, onSelect }: { municipalityCode: string; selected: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const plans = usePlans(municipalityCode);
  const actor = useActor();
  const remove = useDeletePlan();
  const id = useId();
  const items = plans.data?.items ?? [];
  return (
    <section className="rn-section" aria-labelledby={`${id}-plans`}>
      <h2 id={`${id}-plans`}>{t('renovation.plans.title')}</h2>
      <p className="muted">{t('renovation.plans.confidential')}</p>
      {plans.isError ? <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.isSuccess && items.length === 0 ? <p className="muted">{t('renovation.plans.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrapper">
          <table className="table table--responsive">
            <caption className="visually-hidden">{t('renovation.plans.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('renovation.plans.name')}</th>
                <th scope="col">{t('renovation.plans.owner')}</th>
                <th scope="col" className="numeric">
                  {t('renovation.plans.rows')}
                </th>
                <th scope="col" className="numeric">
                  {t('renovation.plans.dwellings')}
                </th>
                <th scope="col">{t('renovation.plans.updated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('renovation.plans.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((plan) => (
                <tr key={plan.id} aria-current={plan.id === selected ? 'true' : undefined}>
                  <td data-label={t('renovation.plans.name')}>
                    <button type="button" className="button button--link" onClick={() => onSelect(plan.id)}>
                      {plan.name}
                    </button>
                  </td>
                  <td data-label={t('renovation.plans.owner')}>{plan.ownerName}</td>
                  <td data-label={t('renovation.plans.rows')} className="numeric">
                    {formatInteger(plan.rowCount)}
                  </td>
                  <td data-label={t('renovation.plans.dwellings')} className="numeric">
                    {formatInteger(plan.dwellings)}
                  </td>
                  <td data-label={t('renovation.plans.updated')}>{formatShortDate(plan.updatedAt)}</td>
                  <td>
                    {canManageRenovationRecord(actor, plan) ? (
                      <ConfirmButton
                        label={t('renovation.plans.delete')}
                        question={t('renovation.plans.confirmDelete', { name: plan.name })}
                        disabled={remove.isPending}
                        onConfirm={() => remove.mutate(plan.id)}
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
      <NewPlan municipalityCode={municipalityCode} onCreated={onSelect} />
    </section>
  );
}

/** Organisations a plan or designation can be shared with: municipalities, corporations, tenants' organisations. */
function usePartners(excludeId: string) {
  const organisations = useAllOrganisations();
  return (organisations.data?.items ?? [])
    .filter((o) => o.id !== excludeId && (o.kind === 'gemeente' || o.kind === 'huurdersorganisatie' || o.kind === 'woningcorporatie'))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

function ShareChoices({ ownerId, value, onChange, legend }: { ownerId: string; value: string[]; onChange: (ids: string[]) => void; legend: string }) {
  const id = useId();
  const partners = usePartners(ownerId);
  return (
    <fieldset className="kk-shares">
      <legend className="field__label">{legend}</legend>
      <div className="kk-shares__options">
        {partners.map((o) => (
          <div className="checkbox" key={o.id}>
            <input id={`${id}-${o.id}`} type="checkbox" checked={value.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))} />
            <label htmlFor={`${id}-${o.id}`}>{o.name}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The organisations the user may act for (bewerker or beheerder). */
function useOwnOrganisations() {
  const user = useCurrentUser();
  const actor = useActor();
  return user.memberships.filter((m) => canManageRenovationRecord(actor, { ownerOrganisationId: m.organisationId }));
}

function NewPlan({ municipalityCode, onCreated }: { municipalityCode: string; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const own = useOwnOrganisations();
  const [organisationId, setOrganisationId] = useState(own[0]?.organisationId ?? '');
  const [name, setName] = useState('');
  const [sharedWith, setSharedWith] = useState<string[]>([]);
  const create = useCreatePlan();
  if (own.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ organisationId, municipalityCode, name: name.trim(), sharedWith }, { onSuccess: (plan) => onCreated(plan.id) });
  };
  return (
    <form className="card form rn-new-plan" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('renovation.plans.new')}</h3>
      <div className="field">
        <label htmlFor={`${id}-org`} className="field__label">
          {t('renovation.organisation')}
        </label>
        <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          {own.map((m) => (
            <option key={m.organisationId} value={m.organisationId}>
              {m.organisationName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`} className="field__label">
          {t('renovation.plans.planName')}
        </label>
        <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <ShareChoices ownerId={organisationId} value={sharedWith} onChange={setSharedWith} legend={t('renovation.sharedWith')} />
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending || name.trim() === ''}>
          {t('renovation.plans.create')}
        </button>
      </div>
    </form>
  );
}

function PlanDetail({ planId, buurten, defaultYear }: { planId: string; buurten: readonly string[]; defaultYear: number }) {
  const { t } = useTranslation();
  const plan = usePlan(planId);
  const actor = useActor();
  const addRow = useAddPlanRow(planId);
  const removeRow = useDeletePlanRow(planId);
  const id = useId();
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorMessage error={plan.error} />;
  const mayEdit = canManageRenovationRecord(actor, plan.data);
  return (
    <section className="rn-section card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('renovation.plan.title', { name: plan.data.name })}</h2>
      <p className="muted">{t('renovation.plan.owner', { owner: plan.data.ownerName, rows: plan.data.rowCount, dwellings: formatInteger(plan.data.dwellings) })}</p>
      {plan.data.rows.length === 0 ? (
        <p className="muted">{t('renovation.plan.empty')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--responsive">
            <caption className="visually-hidden">{t('renovation.plan.rowsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('renovation.row.year')}</th>
                <th scope="col">{t('renovation.row.intervention')}</th>
                <th scope="col" className="numeric">
                  {t('renovation.row.dwellings')}
                </th>
                <th scope="col">{t('renovation.row.complexnummer')}</th>
                <th scope="col">{t('renovation.row.buurt')}</th>
                <th scope="col">{t('renovation.row.circularAmbition')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('renovation.plans.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.data.rows.map((row) => (
                <tr key={row.id}>
                  <td data-label={t('renovation.row.year')}>{row.year}</td>
                  <td data-label={t('renovation.row.intervention')}>
                    <span className="rn-swatch" style={{ background: interventionColours[row.intervention] }} aria-hidden="true" /> {t(`renovation.intervention.${row.intervention}`)}
                  </td>
                  <td data-label={t('renovation.row.dwellings')} className="numeric">
                    {formatInteger(row.dwellings)}
                  </td>
                  <td data-label={t('renovation.row.complexnummer')}>{row.complexnummer ?? '—'}</td>
                  <td data-label={t('renovation.row.buurt')}>{row.buurt ?? '—'}</td>
                  <td data-label={t('renovation.row.circularAmbition')}>{row.circularAmbition ?? ''}</td>
                  <td>
                    {mayEdit ? (
                      <button type="button" className="button button--link" disabled={removeRow.isPending} onClick={() => removeRow.mutate(row.id)}>
                        {t('renovation.plan.deleteRow')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayEdit ? (
        <>
          <h3>{t('renovation.row.title')}</h3>
          <PlanRowForm buurten={buurten} defaultYear={defaultYear} onSubmit={(row) => addRow.mutateAsync(row)} />
          <PlanUpload plan={plan.data} />
          <PlanShares key={plan.data.sharedWithOrganisationIds.join(',')} planId={plan.data.id} ownerId={plan.data.ownerOrganisationId} current={plan.data.sharedWithOrganisationIds} />
        </>
      ) : null}
    </section>
  );
}

function PlanShares({ planId, ownerId, current }: { planId: string; ownerId: string; current: string[] }) {
  const { t } = useTranslation();
  const [sharedWith, setSharedWith] = useState<string[]>(current);
  const share = useSharePlan(planId);
  return (
    <form
      className="form rn-upload"
      onSubmit={(event) => {
        event.preventDefault();
        share.mutate(sharedWith);
      }}
    >
      <ShareChoices ownerId={ownerId} value={sharedWith} onChange={setSharedWith} legend={t('renovation.sharedWith')} />
      {share.isError ? <ErrorMessage error={share.error} /> : null}
      {share.isSuccess ? (
        <p className="notice notice--success" role="status">
          {t('renovation.plans.sharesSaved')}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={share.isPending}>
          {t('renovation.plans.saveShares')}
        </button>
      </div>
    </form>
  );
}

type UploadPhase = { state: 'idle' } | { state: 'busy'; fraction: number } | { state: 'done'; imported: number } | { state: 'failed'; error: unknown };

function PlanUpload({ plan }: { plan: RenovationPlanDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase>({ state: 'idle' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (plan.rowCount > 0 && !window.confirm(t('renovation.upload.confirmReplace', { rows: plan.rowCount }))) return;
    setPhase({ state: 'busy', fraction: 0 });
    uploadPlan(plan.id, file, (fraction) => setPhase({ state: 'busy', fraction }))
      .then((result) => {
        setPhase({ state: 'done', imported: result.imported });
        void queryClient.invalidateQueries({ queryKey: renovationKeys.all });
      })
      .catch((error: unknown) => setPhase({ state: 'failed', error }));
  };
  const rejection = phase.state === 'failed' ? rejectionOf(phase.error) : null;
  return (
    <form className="form rn-upload" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('renovation.upload.title')}</h3>
      <p className="muted">{t('renovation.upload.help')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`} className="field__label">
          {t('renovation.upload.file')}
        </label>
        <input id={`${id}-file`} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      {phase.state === 'busy' ? <progress max={100} value={Math.round(phase.fraction * 100)} aria-label={t('renovation.upload.busy')} /> : null}
      {phase.state === 'done' ? (
        <p className="notice notice--success" role="status">
          {t('renovation.upload.done', { rows: phase.imported })}
        </p>
      ) : null}
      {phase.state === 'failed' ? (
        rejection ? (
          <div className="notice notice--error" role="alert">
            <p>{phase.error instanceof Error ? phase.error.message : t('errors.generic')}</p>
            {rejection.issues.length > 0 ? <IssueTable issues={rejection.issues} caption={t('kansenkaart.import.issues.caption', { count: rejection.errorCount, shown: rejection.issues.length })} /> : null}
          </div>
        ) : (
          <ErrorMessage error={phase.error} />
        )
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={file === null || phase.state === 'busy'}>
          {t('renovation.upload.submit')}
        </button>
      </div>
    </form>
  );
}

function Designations({ municipalityCode, overview }: { municipalityCode: string; overview: RenovationOverview | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const actor = useActor();
  const remove = useDeleteDesignation();
  const designations = overview?.designations ?? [];
  return (
    <section className="rn-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('renovation.designations.title')}</h2>
      <p className="muted">{t('renovation.designations.intro')}</p>
      {designations.length === 0 ? <p className="muted">{t('renovation.designations.empty')}</p> : null}
      {designations.length > 0 ? (
        <ul className="rn-designations">
          {designations.map((d) => (
            <li key={d.id}>
              <strong>{d.buurt}</strong>{' '}
              {d.categories.map((c) => (
                <span key={c} className="rn-tag" style={{ borderColor: categoryColours[c] }}>
                  {t(`renovation.category.${c}`)}
                </span>
              ))}{' '}
              <span className="muted">
                {t('renovation.designations.by', { organisation: d.organisationName, date: formatShortDate(d.createdAt) })}
                {d.outline ? '' : ` · ${t('renovation.designations.noOutline')}`}
              </span>
              {d.note ? <p>{d.note}</p> : null}
              {canManageRenovationRecord(actor, { ownerOrganisationId: d.organisationId }) ? (
                <button type="button" className="button button--link" disabled={remove.isPending} onClick={() => remove.mutate(d.id)}>
                  {t('renovation.designations.withdraw')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <DesignationForm municipalityCode={municipalityCode} buurten={overview?.buurten ?? []} />
    </section>
  );
}

function DesignationForm({ municipalityCode, buurten }: { municipalityCode: string; buurten: readonly string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const own = useOwnOrganisations();
  const [organisationId, setOrganisationId] = useState(own[0]?.organisationId ?? '');
  const [buurt, setBuurt] = useState('');
  const [categories, setCategories] = useState<DesignationCategory[]>([]);
  const [note, setNote] = useState('');
  const [sharedWith, setSharedWith] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const create = useCreateDesignation();
  if (own.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    create.mutate(
      { organisationId, municipalityCode, buurt: buurt.trim(), categories, note: note.trim(), sharedWith },
      {
        onSuccess: () => {
          setSaved(true);
          setBuurt('');
          setCategories([]);
          setNote('');
        },
      },
    );
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('renovation.designations.new')}</h3>
      <div className="field">
        <label htmlFor={`${id}-org`} className="field__label">
          {t('renovation.organisation')}
        </label>
        <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          {own.map((m) => (
            <option key={m.organisationId} value={m.organisationId}>
              {m.organisationName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-buurt`} className="field__label">
          {t('renovation.designations.buurt')}
        </label>
        <input id={`${id}-buurt`} type="text" required maxLength={100} list={`${id}-buurten`} value={buurt} onChange={(e) => setBuurt(e.target.value)} />
        <datalist id={`${id}-buurten`}>
          {buurten.map((b) => (
            <option key={b} value={b} />
          ))}
        </datalist>
      </div>
      <fieldset>
        <legend className="field__label">{t('renovation.designations.categories')}</legend>
        {designationCategories.map((c) => (
          <div className="checkbox" key={c}>
            <input id={`${id}-${c}`} type="checkbox" checked={categories.includes(c)} onChange={(e) => setCategories((current) => (e.target.checked ? [...current, c] : current.filter((x) => x !== c)))} />
            <label htmlFor={`${id}-${c}`}>{t(`renovation.category.${c}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field__label">
          {t('renovation.designations.note')}
        </label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ShareChoices ownerId={organisationId} value={sharedWith} onChange={setSharedWith} legend={t('renovation.designations.sharedWith')} />
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('renovation.designations.saved')}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending || buurt.trim() === '' || categories.length === 0}>
          {t('renovation.designations.submit')}
        </button>
      </div>
    </form>
  );
}
