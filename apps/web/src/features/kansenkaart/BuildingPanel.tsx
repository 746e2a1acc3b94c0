import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StockBuildingDetail } from '@kringbouw/contracts';
import { canActForOrganisation, opportunityKinds, type OpportunityKind } from '@kringbouw/domain/opportunities';
import { canCreateProjectFor } from '@kringbouw/domain/authz';
import { buildingTypes, type BuildingType } from '@kringbouw/domain/projects';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDecimal, formatInteger, formatIsoDate, formatShortDate } from '../../lib/format.ts';
import { useActor, useCurrentUser } from '../auth/session.ts';
import { useCreateProject } from '../projects/api.ts';
import { useAssessBuilding, useBuilding } from './api.ts';
import { colourForScore } from './colour-scale.ts';
import { missingFacts, reasonLines } from './reasons.ts';

/** The project kind a candidate becomes in the project register. */
export const projectKindFor = { splitsen: 'splitsing', optoppen: 'optopping', transformatie: 'transformatie' } as const;

interface Props {
  bagId: string;
  kind: OpportunityKind;
  onClose: () => void;
}

export function BuildingPanel({ bagId, kind, onClose }: Props) {
  const { t } = useTranslation();
  const building = useBuilding(bagId);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a building moves focus into the panel, so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, [bagId]);

  return (
    <aside className="kk-panel card" aria-labelledby="kk-panel-heading">
      <div className="kk-panel__header">
        <h2 id="kk-panel-heading" ref={heading} tabIndex={-1}>
          {t('kansenkaart.building.title', { bagId })}
        </h2>
        <button type="button" className="button button--link" onClick={onClose}>
          {t('kansenkaart.building.close')}
        </button>
      </div>
      {building.isPending ? <Loading /> : null}
      {building.isError ? <ErrorMessage error={building.error} onRetry={() => void building.refetch()} /> : null}
      {building.data ? <BuildingDetail detail={building.data} kind={kind} /> : null}
    </aside>
  );
}

function BuildingDetail({ detail, kind }: { detail: StockBuildingDetail; kind: OpportunityKind }) {
  const { t } = useTranslation();
  const unknown = t('kansenkaart.unknown');
  const orderedKinds = [kind, ...opportunityKinds.filter((k) => k !== kind)];
  return (
    <>
      <ScoreSection detail={detail} kind={kind} current />
      <dl className="facts kk-facts">
        <Fact label={t('kansenkaart.building.buildYear')} value={detail.buildYear === null ? unknown : String(detail.buildYear)} />
        <Fact label={t('kansenkaart.building.roofType')} value={detail.roofType === null ? unknown : t(`kansenkaart.roofTypes.${detail.roofType}`, { defaultValue: detail.roofType })} />
        <Fact label={t('kansenkaart.building.height')} value={detail.heightM === null ? unknown : `${formatDecimal(detail.heightM, 1)} m`} />
        <Fact label={t('kansenkaart.building.storeys')} value={detail.storeysEstimate === null ? unknown : formatInteger(detail.storeysEstimate)} />
        <Fact label={t('kansenkaart.building.footprint')} value={`${formatInteger(Math.round(detail.footprintAreaM2))} m²`} />
        <Fact
          label={t('kansenkaart.building.neighbours')}
          value={detail.neighbourDifferenceM === null ? unknown : `${detail.neighbourDifferenceM > 0 ? '+' : detail.neighbourDifferenceM < 0 ? '\u2212' : ''}${formatDecimal(Math.abs(detail.neighbourDifferenceM), 1)} m`}
        />
        <Fact
          label={t('kansenkaart.building.useFunctions')}
          value={detail.useFunctions === null ? unknown : detail.useFunctions.length === 0 ? t('kansenkaart.building.noUnits') : detail.useFunctions.join(', ')}
        />
        <Fact label={t('kansenkaart.building.dwellings')} value={detail.dwellings === null ? unknown : formatInteger(detail.dwellings)} />
        <Fact label={t('kansenkaart.building.floorArea')} value={detail.floorAreaM2 === null ? unknown : `${formatInteger(Math.round(detail.floorAreaM2))} m²`} />
        <Fact label={t('kansenkaart.building.vacant')} value={detail.vacant === null ? unknown : detail.vacant ? t('kansenkaart.yes') : t('kansenkaart.no')} />
      </dl>

      {orderedKinds.slice(1).map((k) => (
        <ScoreSection key={k} detail={detail} kind={k} current={false} />
      ))}
      <p className="muted kk-rules">{t('kansenkaart.building.rules', { version: detail.rulesVersion })}</p>

      {detail.stockListRows.length > 0 ? (
        <section aria-labelledby="kk-stock-rows">
          <h3 id="kk-stock-rows">{t('kansenkaart.building.stockRows')}</h3>
          <ul className="plain-list">
            {detail.stockListRows.map((row) => (
              <li key={`${row.listId}-${row.rowNumber}`}>
                {t('kansenkaart.building.stockRow', {
                  list: row.listName,
                  complex: row.complexnummer,
                  type: row.woningtype,
                  area: formatInteger(Math.round(row.oppervlakteM2)),
                  label: row.energielabel ?? unknown,
                  year: row.jaarGrootOnderhoud ?? unknown,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="kk-assessments">
        <h3 id="kk-assessments">{t('kansenkaart.assessment.title')}</h3>
        {detail.assessments.length === 0 ? <p className="muted">{t('kansenkaart.assessment.none')}</p> : null}
        <ul className="plain-list kk-assessment-list">
          {detail.assessments.map((a) => (
            <li key={a.organisationId}>
              <strong>{t(`kansenkaart.assessment.status.${a.status}`)}</strong>
              {a.kind ? ` (${t(`kansenkaart.kinds.${a.kind}`)})` : ''} — {a.organisationName}, <time dateTime={a.updatedAt}>{formatShortDate(a.updatedAt)}</time>
              <br />
              <span className="muted">{a.reason}</span>
              {a.consultation ? (
                <>
                  <br />
                  <span>
                    {a.consultation.consulted && a.consultation.date
                      ? t('kansenkaart.consultation.recorded', { date: formatIsoDate(a.consultation.date), opinion: a.consultation.opinion || '—' })
                      : t('kansenkaart.consultation.notYet')}
                  </span>
                </>
              ) : null}
              {a.projectId ? (
                <>
                  <br />
                  <Link to={`/projecten/${a.projectId}`}>{t('kansenkaart.project.linked')}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <AssessmentForm detail={detail} kind={kind} />
      </section>
      <CreateProjectForm detail={detail} kind={kind} />
    </>
  );
}

function ScoreSection({ detail, kind, current }: { detail: StockBuildingDetail; kind: OpportunityKind; current: boolean }) {
  const { t, i18n } = useTranslation();
  const score = detail.opportunities[kind];
  const lines = reasonLines(score, i18n.language);
  const missing = missingFacts(score);
  return (
    <section className={`kk-score${current ? ' kk-score--current' : ''}`} aria-labelledby={`kk-score-${kind}`}>
      <h3 id={`kk-score-${kind}`} className="kk-score__title">
        <span>{t(`kansenkaart.kinds.${kind}`)}</span>
        <span className="kk-score__value" style={{ background: colourForScore(score.score), color: score.score >= 60 ? '#fff' : '#1a1a1a' }}>
          {t('kansenkaart.building.score', { score: score.score })}
        </span>
      </h3>
      {lines.length > 0 ? (
        <ul className="kk-reasons">
          {lines.map((line) => (
            <li key={line.code} className={line.positive ? 'kk-reason--plus' : 'kk-reason--minus'}>
              <span>{line.text}</span> <span className="kk-reason__points">{line.points}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('kansenkaart.building.noReasons')}</p>
      )}
      {missing.length > 0 ? (
        <p className="muted kk-missing">
          {t('kansenkaart.building.missing', { facts: missing.map((m) => t(`kansenkaart.facts.${m}`, { defaultValue: m })).join(', ') })}
        </p>
      ) : null}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function AssessmentForm({ detail, kind }: { detail: StockBuildingDetail; kind: OpportunityKind }) {
  const { t } = useTranslation();
  const id = useId();
  const actor = useActor();
  const user = useCurrentUser();
  const organisations = user.memberships.filter((m) => canActForOrganisation(actor, m.organisationId));
  const [organisationId, setOrganisationId] = useState(organisations[0]?.organisationId ?? '');
  const own = detail.assessments.find((a) => a.organisationId === organisationId);
  const [status, setStatus] = useState<'kandidaat' | 'ongeschikt'>(own?.status ?? 'kandidaat');
  const [reason, setReason] = useState('');
  const [consulted, setConsulted] = useState(own?.consultation?.consulted ?? false);
  const [consultedOn, setConsultedOn] = useState(own?.consultation?.date ?? '');
  const [opinion, setOpinion] = useState(own?.consultation?.opinion ?? '');
  const [saved, setSaved] = useState(false);
  const assess = useAssessBuilding(detail.bagId);

  if (organisations.length === 0) return <p className="muted">{t('kansenkaart.assessment.readOnly')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    assess.mutate(
      {
        organisationId,
        status,
        kind,
        reason,
        // Only a candidate is discussed with the tenants; an unsuitable verdict leaves a stored record alone.
        ...(status === 'kandidaat' ? { consultation: { consulted, date: consulted && consultedOn !== '' ? consultedOn : null, opinion: consulted ? opinion : '' } } : {}),
      },
      {
        onSuccess: () => {
          setSaved(true);
          setReason('');
        },
      },
    );
  };

  return (
    <form className="form kk-assess" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <h4 id={`${id}-legend`}>{t('kansenkaart.assessment.formTitle', { kind: t(`kansenkaart.kinds.${kind}`) })}</h4>
      {organisations.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-org`} className="field__label">
            {t('kansenkaart.assessment.organisation')}
          </label>
          <select id={`${id}-org`} value={organisationId} onChange={(event) => setOrganisationId(event.target.value)}>
            {organisations.map((m) => (
              <option key={m.organisationId} value={m.organisationId}>
                {m.organisationName}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="radio-group">
        <legend className="field__label">{t('kansenkaart.assessment.statusLabel')}</legend>
        {(['kandidaat', 'ongeschikt'] as const).map((value) => (
          <div className="radio" key={value}>
            <input id={`${id}-${value}`} type="radio" name={`${id}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} />
            <label htmlFor={`${id}-${value}`}>{t(`kansenkaart.assessment.choose.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`} className="field__label">
          {t('kansenkaart.assessment.reason')}
        </label>
        <p className="field__hint" id={`${id}-reason-hint`}>
          {status === 'kandidaat' ? t('kansenkaart.assessment.reasonHintCandidate') : t('kansenkaart.assessment.reasonHintUnsuitable')}
        </p>
        <textarea id={`${id}-reason`} rows={3} value={reason} required minLength={3} maxLength={2000} aria-describedby={`${id}-reason-hint`} onChange={(event) => setReason(event.target.value)} />
      </div>
      {status === 'kandidaat' ? (
        <fieldset className="kk-consultation">
          <legend className="field__label">{t('kansenkaart.consultation.title')}</legend>
          <div className="checkbox">
            <input id={`${id}-consulted`} type="checkbox" checked={consulted} onChange={(event) => setConsulted(event.target.checked)} />
            <label htmlFor={`${id}-consulted`}>{t('kansenkaart.consultation.consulted')}</label>
          </div>
          {consulted ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-date`} className="field__label">
                  {t('kansenkaart.consultation.date')}
                </label>
                <input id={`${id}-date`} type="date" required value={consultedOn} onChange={(event) => setConsultedOn(event.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-opinion`} className="field__label">
                  {t('kansenkaart.consultation.opinion')}
                </label>
                <textarea id={`${id}-opinion`} rows={2} maxLength={2000} value={opinion} onChange={(event) => setOpinion(event.target.value)} />
              </div>
            </>
          ) : null}
        </fieldset>
      ) : null}
      {assess.isError ? <ErrorMessage error={assess.error} /> : null}
      <p aria-live="polite" className="kk-saved">
        {saved ? t('kansenkaart.assessment.saved') : ''}
      </p>
      <div className="form__actions">
        <button type="submit" className="button" disabled={assess.isPending}>
          {assess.isPending ? t('common.saving') : t('kansenkaart.assessment.save')}
        </button>
      </div>
    </form>
  );
}

/** "Project aanmaken": a candidate becomes a project in the register with the matching kind and its location. */
function CreateProjectForm({ detail, kind }: { detail: StockBuildingDetail; kind: OpportunityKind }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const actor = useActor();
  const user = useCurrentUser();
  const owners = user.memberships.filter((m) => canCreateProjectFor(actor, m.organisationId));
  const candidateOf = new Set(detail.assessments.filter((a) => a.status === 'kandidaat').map((a) => a.organisationId));
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState(owners.find((m) => candidateOf.has(m.organisationId))?.organisationId ?? owners[0]?.organisationId ?? '');
  const [name, setName] = useState('');
  const [dwellings, setDwellings] = useState(detail.dwellings === null ? '0' : String(detail.dwellings));
  const [buildingType, setBuildingType] = useState<BuildingType>(kind === 'transformatie' ? 'utiliteit' : 'gestapeld');
  const create = useCreateProject();
  const assess = useAssessBuilding(detail.bagId);
  const [createdId, setCreatedId] = useState<string | null>(null);

  if (owners.length === 0) return null;
  const isCandidate = owners.some((m) => candidateOf.has(m.organisationId));
  const defaultName = t('kansenkaart.project.defaultName', { kind: t(`kansenkaart.kinds.${kind}`), bagId: detail.bagId });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const score = detail.opportunities[kind];
    const reasons = reasonLines(score, 'nl').map((l) => l.text).join(', ');
    create.mutate(
      {
        ownerOrganisationId: ownerId,
        name: name.trim() === '' ? defaultName : name.trim(),
        description: t('kansenkaart.project.description', {
          lng: 'nl',
          bagId: detail.bagId,
          kind: t(`kansenkaart.kinds.${kind}`, { lng: 'nl' }),
          score: score.score,
          reasons: reasons === '' ? '—' : reasons,
          rules: detail.rulesVersion,
        }),
        municipalityCode: detail.municipalityCode,
        location: { lon: detail.centroid[0], lat: detail.centroid[1] },
        kind: projectKindFor[kind],
        phase: 'initiatief',
        phaseDates: { initiatief: new Date().toISOString().slice(0, 10), ontwerp: null, realisatie: null, opgeleverd: null },
        dwellings: Number.parseInt(dwellings, 10) || 0,
        bvoM2: detail.floorAreaM2,
        buildingType,
        concept: null,
        parties: [],
        visibility: 'vertrouwelijk',
      },
      {
        onSuccess: (project) => {
          // The building keeps the link through the organisation's assessment (its verdict stays as it was).
          const own = detail.assessments.find((a) => a.organisationId === ownerId);
          assess.mutate(
            { organisationId: ownerId, status: own?.status ?? 'kandidaat', kind: own?.kind ?? kind, reason: own?.reason ?? defaultName, projectId: project.id },
            { onSuccess: () => void navigate(`/projecten/${project.id}`), onError: () => setCreatedId(project.id) },
          );
        },
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="kk-create">
      <h3 id={`${id}-title`}>{t('kansenkaart.project.title')}</h3>
      {!isCandidate ? <p className="muted">{t('kansenkaart.project.markFirst')}</p> : null}
      {!open ? (
        <button type="button" className="button button--secondary" disabled={!isCandidate} onClick={() => setOpen(true)}>
          {t('kansenkaart.project.open')}
        </button>
      ) : (
        <form className="form" onSubmit={submit} lang={i18n.language}>
          {owners.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-owner`} className="field__label">
                {t('kansenkaart.project.owner')}
              </label>
              <select id={`${id}-owner`} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
                {owners.map((m) => (
                  <option key={m.organisationId} value={m.organisationId}>
                    {m.organisationName}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-name`} className="field__label">
              {t('kansenkaart.project.name')}
            </label>
            <input id={`${id}-name`} type="text" value={name} placeholder={defaultName} maxLength={200} onChange={(event) => setName(event.target.value)} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-dwellings`} className="field__label">
                {t('kansenkaart.project.dwellings')}
              </label>
              <input id={`${id}-dwellings`} type="text" inputMode="numeric" pattern="[0-9]*" value={dwellings} onChange={(event) => setDwellings(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-type`} className="field__label">
                {t('kansenkaart.project.buildingType')}
              </label>
              <select id={`${id}-type`} value={buildingType} onChange={(event) => setBuildingType(buildingTypes.find((b) => b === event.target.value) ?? 'gestapeld')}>
                {buildingTypes.map((b) => (
                  <option key={b} value={b}>
                    {t(`buildingTypes.${b}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="field__hint">{t('kansenkaart.project.hint', { kind: t(`projectKinds.${projectKindFor[kind]}`) })}</p>
          {create.isError ? <ErrorMessage error={create.error} /> : null}
          {assess.isError ? (
            <ErrorMessage error={assess.error}>
              {createdId ? <Link to={`/projecten/${createdId}`}>{t('kansenkaart.project.createdNotLinked')}</Link> : null}
            </ErrorMessage>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button" disabled={create.isPending || assess.isPending || createdId !== null}>
              {create.isPending || assess.isPending ? t('common.saving') : t('kansenkaart.project.submit')}
            </button>
            <button type="button" className="button button--link" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
