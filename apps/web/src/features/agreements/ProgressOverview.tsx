/**
 * Traffic lights for the agreement and per theme, with the count of commitments per colour, and — per measurable
 * commitment — the figures behind its light (see CommitmentFigures).
 */
import { useTranslation } from 'react-i18next';
import type { AgreementProgress, CommitmentProgress } from '@kringbouw/contracts';
import { formatDecimal, formatInteger, formatIsoDate } from '../../lib/format.ts';
import { Badge } from '../../components/Status.tsx';
import { comparatorSymbols, formatIndicatorValue, indicatorName } from './labels.ts';
import { TrafficLight } from './TrafficLight.tsx';

const lightOrder = ['groen', 'oranje', 'rood', 'grijs'] as const;

function Counts({ counts }: { counts: AgreementProgress['counts'] }) {
  const { t } = useTranslation();
  return (
    <span className="light-counts">
      {lightOrder
        .filter((light) => counts[light] > 0)
        .map((light) => t(`agreements.progress.count.${light}`, { count: counts[light], formatted: formatInteger(counts[light]) }))
        .join(' · ')}
    </span>
  );
}

export function ProgressOverview({ progress }: { progress: AgreementProgress }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('agreements.progress.title')}</h2>
      <p className="muted">{t('agreements.progress.asOf', { date: formatIsoDate(progress.asOf), version: progress.versionNumber })}</p>
      <div className="progress-overview" data-testid="agreement-light">
        <TrafficLight light={progress.light} label={t('agreements.progress.overall', { light: t(`agreements.lights.${progress.light}`) })} /> <Counts counts={progress.counts} />
      </div>
      <div className="table-wrapper">
        <table className="table progress-themes">
          <caption className="visually-hidden">{t('agreements.progress.perTheme')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.commitment.theme')}</th>
              <th scope="col">{t('agreements.progress.light')}</th>
              <th scope="col">{t('agreements.progress.commitments')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.themes.map((theme) => (
              <tr key={theme.theme} data-theme={theme.theme}>
                <th scope="row">{t(`agreements.themes.${theme.theme}`)}</th>
                <td>
                  <TrafficLight light={theme.light} />
                </td>
                <td>
                  <Counts counts={theme.counts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint">{t('agreements.progress.explain')}</p>
    </section>
  );
}

/** One number with its unit: percentages for share targets, else the indicator's own notation. */
function figure(progress: CommitmentProgress, value: number): string {
  if (progress.unit === '%') return `${formatDecimal(value, 1)} %`;
  return `${formatIndicatorValue(progress.indicatorId, value)}${progress.unit ? ` ${progress.unit}` : ''}`;
}

/** The light of one commitment and what it rests on: achieved vs target, official or only indicative, per project. */
export function CommitmentFigures({ progress }: { progress: CommitmentProgress }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="commitment-progress" data-testid="commitment-progress">
      <p>
        <TrafficLight light={progress.light} /> <span className="muted">· {t(`agreements.progress.status.${progress.status}`)}</span>
      </p>
      {progress.kind === 'meetbaar' ? (
        <>
          <p>
            {t('agreements.progress.achieved')}: <strong>{progress.achieved === null ? '—' : figure(progress, progress.achieved)}</strong>
            {progress.target !== null && progress.comparator ? (
              <>
                {' '}
                · {t('agreements.progress.target')}: {comparatorSymbols[progress.comparator]} {figure(progress, progress.target)}
              </>
            ) : null}
            {progress.standing ? (
              <>
                {' '}
                <Badge tone={progress.standing === 'officieel' ? 'success' : 'neutral'}>{t(`agreements.progress.standing.${progress.standing}`)}</Badge>
              </>
            ) : null}
          </p>
          {progress.onlyIndicative ? (
            <p className="notice notice--warning" role="note">
              {t('agreements.progress.onlyIndicative')}
            </p>
          ) : null}
          <p className="muted">{t('agreements.progress.projectsInScope', { inScope: progress.projectsInScope, withValue: progress.projectsWithValue })}</p>
          {progress.projects.length > 0 ? (
            <details className="commitment-progress__projects">
              <summary>{t('agreements.progress.figuresBehind')}</summary>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('agreements.progress.project')}</th>
                    <th scope="col" className="numeric">
                      {t('agreements.progress.dwellings')}
                    </th>
                    <th scope="col" className="numeric">
                      {progress.indicatorId ? indicatorName(progress.indicatorId, i18n.language) : t('agreements.progress.value')}
                    </th>
                    <th scope="col">{t('agreements.progress.standingColumn')}</th>
                    <th scope="col">{t('agreements.progress.meets')}</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.projects.map((project, index) => (
                    <tr key={project.projectId ?? `hidden-${index}`}>
                      <td>{project.projectName ?? <span className="muted">{t('agreements.progress.confidentialProject')}</span>}</td>
                      <td className="numeric">{formatInteger(project.dwellings)}</td>
                      <td className="numeric">{project.value === null ? '—' : formatIndicatorValue(progress.indicatorId, project.value)}</td>
                      <td>{project.standing ? t(`agreements.progress.standing.${project.standing}`) : '—'}</td>
                      <td>{project.meets === null ? '—' : project.meets ? t('agreements.progress.yes') : t('agreements.progress.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('agreements.progress.evidenceCount', { count: progress.evidence.length })}</p>
      )}
    </div>
  );
}
