import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassportDocument } from '@kringbouw/contracts';
import {
  bulkEdit, editLine, elementTree, matchesFilter, passportRows, replaceLines,
  type BulkFailure, type EditableField, type PassportRow, type RowFilter, type TreeMode,
} from './draft.ts';
import { ElementTree } from './ElementTree.tsx';
import { IndicatorCharts } from './IndicatorCharts.tsx';
import { IndicatorPanel, IndicatorSummary } from './IndicatorPanel.tsx';
import { lineResultOf } from '@kringbouw/domain/lca';
import { LineTable, type LineWithOrigin } from './LineTable.tsx';
import { LineCalculation } from './LineCalculation.tsx';
import { ProfilePicker } from './ProfilePicker.tsx';
import { BulkEditBar } from './BulkEditBar.tsx';
import { useProfileSummaries } from './use-engine.ts';
import { engineClient } from './engine-client.ts';
import type { EngineView } from './engine-core.ts';
import { useQuery } from '@tanstack/react-query';
import { formatNumber } from './numbers.ts';

const PAGE_SIZE = 100;
const emptyBars = { element: { mki: [], gwp: [] }, module: { mki: [], gwp: [] }, layer: { mki: [], gwp: [] }, material: { mki: [], gwp: [] } };

interface PassportWorkspaceProps {
  doc: PassportDocument;
  onChange: (doc: PassportDocument) => void;
  readOnly: boolean;
  view: EngineView | undefined;
  calculating: boolean;
  unavailable: string | null;
  showCharts?: boolean;
}

/** Element tree, filters, the editable line table and the live indicator panel of one passport version. */
export function PassportWorkspace({ doc, onChange, readOnly, view, calculating, unavailable, showCharts = true }: PassportWorkspaceProps) {
  const result = view?.result;
  const { t } = useTranslation();
  const [mode, setMode] = useState<TreeMode>('nlsfb');
  const [filter, setFilter] = useState<RowFilter>({});
  const [filterNote, setFilterNote] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [picking, setPicking] = useState<PassportRow<LineWithOrigin> | null>(null);
  /** The line number whose calculation is shown. */
  const [explaining, setExplaining] = useState<number | null>(null);
  const [bulkFailures, setBulkFailures] = useState<BulkFailure[]>([]);
  const profiles = useProfileSummaries();

  const profileNames = useMemo(() => new Map(profiles.data?.map((p) => [p.id, p.name]) ?? []), [profiles.data]);
  const profileName = useCallback((id: string) => profileNames.get(id), [profileNames]);
  const rows = useMemo(() => passportRows<LineWithOrigin>(doc), [doc]);
  const tree = useMemo(() => elementTree(doc, mode), [doc, mode]);
  const filtered = useMemo(() => rows.filter((row) => matchesFilter(row, filter, profileName)), [rows, filter, profileName]);
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const currentPage = Math.min(page, pageCount - 1);
  const visible = filtered.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE);
  const warningLines = useMemo(() => new Set(result?.warnings.filter((w) => w.code !== 'EENHEID_OMGEREKEND').flatMap((w) => w.lines) ?? []), [result]);

  const updateFilter = (next: RowFilter, note: string | null = null) => {
    setFilter(next);
    setFilterNote(note);
    setPage(0);
  };

  const onEdit = useCallback(
    (line: number, field: EditableField, input: string) => {
      const row = rows[line - 1];
      if (!row) return { ok: false as const, problem: { key: 'schema' as const } };
      const edited = editLine(row.data, field, input);
      if (edited.ok) {
        const next: LineWithOrigin = field === 'profileId' ? { ...edited.line, profileOrigin: 'manual' } : edited.line;
        onChange(replaceLines<LineWithOrigin, PassportDocument>(doc, new Map([[line, next]])));
      }
      return edited;
    },
    [doc, rows, onChange],
  );

  const onSelect = useCallback((lines: number[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const line of lines) {
        if (on) next.add(line);
        else next.delete(line);
      }
      return next;
    });
  }, []);

  const applyBulk = (field: EditableField, input: string) => {
    const outcome = bulkEdit<LineWithOrigin, PassportDocument>(doc, [...selected].sort((a, b) => a - b), field, input);
    if (!outcome.ok) {
      setBulkFailures(outcome.failures);
      return false;
    }
    setBulkFailures([]);
    let next = outcome.passport;
    if (field === 'profileId') {
      const stored = passportRows<LineWithOrigin>(next);
      const manual = new Map<number, LineWithOrigin>();
      for (const n of selected) {
        const row = stored[n - 1];
        if (row) manual.set(n, { ...row.data, profileOrigin: 'manual' });
      }
      next = replaceLines<LineWithOrigin, PassportDocument>(next, manual);
    }
    onChange(next);
    return true;
  };

  const suggestions = useQuery({
    queryKey: ['passports', 'engine', 'suggest', picking?.data.description ?? ''],
    queryFn: () => engineClient().suggest(picking?.data.description ?? ''),
    enabled: picking !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <div className="passport-workspace">
      <aside className="passport-workspace__tree">
        <ElementTree
          nodes={tree}
          mode={mode}
          onModeChange={(m) => {
            setMode(m);
            updateFilter({ ...filter, node: undefined });
          }}
          selected={filter.node}
          onSelect={(node) => updateFilter({ ...filter, node })}
          totalLines={rows.length}
        />
      </aside>

      <section className="passport-workspace__lines" aria-labelledby="lines-heading">
        <h2 id="lines-heading">{t('passports.table.title')}</h2>
        <div className="line-filters" role="search">
          <label>
            <span className="field__label">{t('passports.filters.search')}</span>
            <input type="search" value={filter.text ?? ''} onChange={(e) => updateFilter({ ...filter, text: e.target.value, lines: undefined })} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={filter.withoutProfile ?? false} onChange={(e) => updateFilter({ ...filter, withoutProfile: e.target.checked })} />
            {t('passports.filters.withoutProfile')}
          </label>
          {filterNote || filter.lines ? (
            <p className="filter-note">
              {filterNote}{' '}
              <button type="button" className="button button--link" onClick={() => updateFilter({ ...filter, lines: undefined, text: '' })}>
                {t('passports.filters.clear')}
              </button>
            </p>
          ) : null}
          <p className="muted" role="status">
            {t('passports.filters.count', { count: filtered.length, total: formatNumber(rows.length, 0), formatted: formatNumber(filtered.length, 0) })}
          </p>
        </div>

        <IndicatorSummary result={result} calculating={calculating} />

        {!readOnly && selected.size > 0 ? (
          <BulkEditBar count={selected.size} profiles={profiles.data} onApply={applyBulk} onClear={() => setSelected(new Set())} failures={bulkFailures} />
        ) : null}

        {rows.length === 0 ? (
          <p className="empty-state">{t('passports.table.empty')}</p>
        ) : (
          <LineTable
            rows={visible}
            figures={view}
            profileName={profileName}
            readOnly={readOnly}
            selected={selected}
            onSelect={onSelect}
            onEdit={onEdit}
            onPickProfile={setPicking}
            onShowCalculation={(row) => setExplaining(row.line)}
            warningLines={warningLines}
          />
        )}
        {pageCount > 1 ? (
          <nav className="pagination" aria-label={t('passports.table.pages')}>
            <button type="button" className="button button--secondary button--small" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
              {t('pagination.previous')}
            </button>
            <span className="pagination__status">{t('passports.table.page', { page: currentPage + 1, pages: pageCount })}</span>
            <button type="button" className="button button--secondary button--small" disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)}>
              {t('pagination.next')}
            </button>
          </nav>
        ) : null}
      </section>

      <div className="passport-workspace__panel">
        {result ? (
          <IndicatorPanel
            result={result}
            calculating={calculating}
            onShowLines={(lines, warning) => updateFilter({ ...filter, node: undefined, text: '', lines: new Set(lines) }, t('passports.filters.warningLines', { count: lines.length, code: warning.code }))}
          >
            <IndicatorCharts
              bars={view?.bars ?? emptyBars}
              showChart={showCharts}
              onDrill={(target) => {
                if (target.startsWith('text:')) updateFilter({ ...filter, node: undefined, lines: undefined, text: target.slice(5) });
                else {
                  if (target.startsWith('layer:')) setMode('layer');
                  updateFilter({ ...filter, node: target, lines: undefined, text: '' });
                }
              }}
            />
          </IndicatorPanel>
        ) : (
          <section className="indicator-panel" aria-labelledby="indicator-panel-heading">
            <h2 id="indicator-panel-heading">{t('passports.indicators.title')}</h2>
            <p role="status">{unavailable ?? (calculating ? t('passports.indicators.calculating') : t('passports.indicators.none'))}</p>
          </section>
        )}
      </div>

      {explaining !== null ? <ExplainedLine line={explaining} rows={rows} view={view} onClose={() => setExplaining(null)} /> : null}

      {picking ? (
        <ProfilePicker
          subject={picking.data.description}
          unit={picking.data.unit}
          profiles={profiles.data}
          suggestions={suggestions.data}
          currentId={picking.data.profileId}
          onClose={() => setPicking(null)}
          onChoose={(id) => {
            onEdit(picking.line, 'profileId', id);
            setPicking(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** The calculation dialog of one line, from the shown calculation's columns and the line as it is in the passport. */
function ExplainedLine({ line, rows, view, onClose }: { line: number; rows: PassportRow<LineWithOrigin>[]; view: EngineView | undefined; onClose: () => void }) {
  const row = rows[line - 1];
  // A calculation of an older passport (or none yet) may not have this line: then there is nothing to explain.
  if (!view || !row || row.line !== line || line > view.lineColumns.length) return null;
  const explained = lineResultOf(view.lineColumns, line - 1, row.data, { name: row.elementName, nlsfb: row.nlsfb, layer: row.layer });
  return <LineCalculation line={explained} rspYears={view.result.project.rspYears} replacementRule={view.result.project.replacementRule} onClose={onClose} />;
}
