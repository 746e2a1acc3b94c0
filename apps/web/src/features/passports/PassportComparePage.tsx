import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PassportDiff } from '@kringbouw/contracts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useProject } from '../projects/api.ts';
import { usePassportDiff, usePassportVersions } from './api.ts';
import { IndicatiefTag } from './Indicatief.tsx';
import { choiceFields, numericFields } from './draft.ts';
import { formatNumber, formatSignificant } from './numbers.ts';
import './passports.css';

/** Two versions side by side: lines added, removed and changed, and how the indicators moved. */
export default function PassportComparePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const project = useProject(id);
  const versions = usePassportVersions(id);
  const [params, setParams] = useSearchParams();
  usePageTitle(t('passports.compare.title'));
  const items = versions.data?.items ?? [];
  const from = params.get('van') ?? items.at(-2)?.id;
  const to = params.get('naar') ?? items.at(-1)?.id;
  const diff = usePassportDiff(id, from, to);

  if (project.isPending || versions.isPending) return <Loading />;
  if (project.isError) return <ErrorMessage error={project.error} />;
  if (versions.isError) return <ErrorMessage error={versions.error} />;

  const choose = (key: 'van' | 'naar', value: string) =>
    setParams((p) => {
      p.set('van', from ?? '');
      p.set('naar', to ?? '');
      p.set(key, value);
      return p;
    });

  return (
    <article className="page passport-page">
      <p className="breadcrumb">
        <Link to={`/projecten/${project.data.id}`}>{project.data.name}</Link>
      </p>
      <h1>{t('passports.compare.title')}</h1>
      {items.length < 2 ? (
        <p className="empty-state">{t('passports.compare.needTwo')}</p>
      ) : (
        <div className="compare-pickers">
          {(['van', 'naar'] as const).map((key) => (
            <label key={key} className="field">
              <span className="field__label">{t(`passports.compare.${key}`)}</span>
              <select value={(key === 'van' ? from : to) ?? ''} onChange={(e) => choose(key, e.target.value)}>
                {items.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('passports.versionTitle', { number: v.number, label: v.label })} ({t(`passports.status.${v.status}`)})
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {from && to && from === to ? <p className="notice">{t('passports.compare.same')}</p> : null}
      {diff.isError ? <ErrorMessage error={diff.error} /> : null}
      {diff.isFetching && !diff.data ? <Loading /> : null}
      {diff.data ? <DiffView diff={diff.data} /> : null}
    </article>
  );
}

function value(v: number | null, unit: string): string {
  return v === null ? '–' : `${formatSignificant(v)} ${unit}`;
}

const knownFields = [...numericFields, ...choiceFields, 'profileId'] as const;

function DiffView({ diff }: { diff: PassportDiff }) {
  const { t } = useTranslation();
  const fieldLabel = (field: string) => {
    const known = knownFields.find((f) => f === field || `origin.${f}` === field || `detachability.${f}` === field);
    return known ? t(`passports.fields.${known}`) : field;
  };
  return (
    <div className="diff">
      <p className="lead" role="status">
        {t('passports.compare.counts', {
          added: formatNumber(diff.counts.added, 0),
          removed: formatNumber(diff.counts.removed, 0),
          changed: formatNumber(diff.counts.changed, 0),
          unchanged: formatNumber(diff.counts.unchanged, 0),
        })}
      </p>
      <section aria-labelledby="deltas-heading">
        <h2 id="deltas-heading">
          {t('passports.compare.indicators')} <IndicatiefTag />
        </h2>
        <div className="table-wrapper">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('passports.hnn.indicator')}</th>
                <th scope="col" className="numeric">{t('passports.versionShort', { number: diff.from.number })}</th>
                <th scope="col" className="numeric">{t('passports.versionShort', { number: diff.to.number })}</th>
                <th scope="col" className="numeric">{t('passports.compare.delta')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.indicators.map((d) => (
                <tr key={d.indicator}>
                  <th scope="row">{d.label}</th>
                  <td className="numeric">{value(d.from, d.unit)}</td>
                  <td className="numeric">{value(d.to, d.unit)}</td>
                  <td className="numeric">
                    {d.delta === null ? '–' : `${d.delta > 0 ? '+' : ''}${formatSignificant(d.delta)} ${d.unit}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <LineList title={t('passports.compare.added', { count: diff.counts.added })} lines={diff.added} />
      <LineList title={t('passports.compare.removed', { count: diff.counts.removed })} lines={diff.removed} />
      <section aria-labelledby="changed-heading" className="diff__section">
        <h2 id="changed-heading">{t('passports.compare.changed', { count: diff.counts.changed })}</h2>
        {diff.changed.length === 0 ? null : (
          <div className="table-wrapper">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('passports.table.element')}</th>
                  <th scope="col">{t('passports.table.material')}</th>
                  <th scope="col">{t('passports.compare.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.changed.map((c) => (
                  <tr key={c.after.key}>
                    <td>{c.after.nlsfb} {c.after.element}</td>
                    <td>{c.after.description}</td>
                    <td>
                      <ul className="plain-list">
                        {c.changes.map((change) => (
                          <li key={change.field}>
                            {fieldLabel(change.field)}: {display(change.from)} → {display(change.to)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function display(v: string | number | boolean | null): string {
  if (v === null) return '–';
  if (typeof v === 'number') return formatNumber(v, 3);
  return String(v);
}

function LineList({ title, lines }: { title: string; lines: PassportDiff['added'] }) {
  const { t } = useTranslation();
  return (
    <section className="diff__section">
      <h2>{title}</h2>
      {lines.length === 0 ? null : (
        <div className="table-wrapper">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('passports.table.element')}</th>
                <th scope="col">{t('passports.table.material')}</th>
                <th scope="col" className="numeric">{t('passports.fields.quantity')}</th>
                <th scope="col">{t('passports.fields.profileId')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.key}>
                  <td>{line.nlsfb} {line.element}</td>
                  <td>{line.description}</td>
                  <td className="numeric">{formatNumber(line.quantity, 3)} {t(`passports.unitNames.${line.unit}`)}</td>
                  <td>{line.profileId ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
