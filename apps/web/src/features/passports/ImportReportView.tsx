import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@kringbouw/contracts';
import { formatNumber } from './numbers.ts';

/** What an import found: counts, where quantities came from, and the IFC elements without material or quantity. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-heading" className="import-report">
      <h2 id="report-heading">{t('passports.report.title', { file: report.fileName })}</h2>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('passports.report.format')}</dt>
          <dd>{report.ifcSchema ? `${report.format.toUpperCase()} (${report.ifcSchema})` : report.format.toUpperCase()}</dd>
        </div>
        <div>
          <dt>{t('passports.report.elements')}</dt>
          <dd>{formatNumber(report.elementCount, 0)}</dd>
        </div>
        <div>
          <dt>{t('passports.report.lines')}</dt>
          <dd>{formatNumber(report.lineCount, 0)}</dd>
        </div>
        {report.quantitySources ? (
          <div>
            <dt>{t('passports.report.quantitySources')}</dt>
            <dd>
              {t('passports.report.sources', {
                qto: formatNumber(report.quantitySources.qto, 0),
                geometry: formatNumber(report.quantitySources.geometry, 0),
                none: formatNumber(report.quantitySources.none, 0),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
      {report.notes.length > 0 ? (
        <ul>
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <ElementList title={t('passports.report.withoutMaterial', { count: report.withoutMaterial.length })} items={report.withoutMaterial} explain={t('passports.report.withoutMaterialExplain')} />
      <ElementList title={t('passports.report.withoutQuantity', { count: report.withoutQuantity.length })} items={report.withoutQuantity} explain={t('passports.report.withoutQuantityExplain')} />
    </section>
  );
}

function ElementList({ title, items, explain }: { title: string; items: ImportReport['withoutMaterial']; explain: string }) {
  const { t } = useTranslation();
  return (
    <div className="import-report__list">
      <h3>{title}</h3>
      {items.length === 0 ? null : (
        <>
          <p className="muted">{explain}</p>
          <div className="table-wrapper">
            <table className="table table--compact">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('passports.report.ifcClass')}</th>
                  <th scope="col">{t('passports.report.name')}</th>
                  <th scope="col">GlobalId</th>
                </tr>
              </thead>
              <tbody>
                {items.slice(0, 200).map((item) => (
                  <tr key={item.globalId}>
                    <td>{item.ifcClass}</td>
                    <td>{item.name || '–'}</td>
                    <td><code>{item.globalId}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.length > 200 ? <p className="muted">{t('passports.report.more', { count: items.length - 200 })}</p> : null}
        </>
      )}
    </div>
  );
}
