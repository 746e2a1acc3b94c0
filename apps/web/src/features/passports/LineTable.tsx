import { memo, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialLine } from '@kringbouw/domain/lca';
import type { EngineView } from './engine-core.ts';
import { choiceOptions, fieldValue, type ChoiceField, type EditProblem, type EditResult, type EditableField, type NumericField, type PassportRow } from './draft.ts';
import { formatInput, formatNumber } from './numbers.ts';

export type LineWithOrigin = MaterialLine & { profileOrigin?: string | null; key?: string };

interface LineTableProps {
  rows: PassportRow<LineWithOrigin>[];
  /** The engine's per-line figures: MKI and the profile it suggested for lines without one. */
  figures?: Pick<EngineView, 'lineMki' | 'suggested'> | undefined;
  profileName: (id: string) => string | undefined;
  readOnly: boolean;
  selected: ReadonlySet<number>;
  onSelect: (lines: number[], selected: boolean) => void;
  onEdit: (line: number, field: EditableField, input: string) => EditResult<LineWithOrigin>;
  onPickProfile: (row: PassportRow<LineWithOrigin>) => void;
  /** Opens the calculation of a line (from its MKI cell); without it the MKI is plain text. */
  onShowCalculation?: ((row: PassportRow<LineWithOrigin>) => void) | undefined;
  warningLines?: ReadonlySet<number> | undefined;
}

const numericColumns: { field: NumericField; key: string; width: string }[] = [
  { field: 'quantity', key: 'quantity', width: '6.5rem' },
];
const originColumns: NumericField[] = ['renewablePct', 'reusedPct', 'recycledPct'];
const detachColumns: ChoiceField[] = ['connection', 'accessibility', 'crossings', 'edgeContainment'];

/** Moves focus to the same column one row down (Enter) or up (Shift+Enter), as in a spreadsheet. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const cell = event.currentTarget;
  const row = Number(cell.dataset.row);
  const column = cell.dataset.col;
  const target = document.querySelector<HTMLElement>(`[data-col="${column}"][data-row="${row + (event.shiftKey ? -1 : 1)}"]`);
  target?.focus();
}

/**
 * The editable line table: quantity, unit, profile, service life, origin shares and the four LI factors per line.
 * Numbers are typed in Dutch notation; an edit the passport schema refuses stays in the cell, marked invalid with the
 * reason, and is not applied. Enter moves down a row, Escape restores the stored value.
 */
export function LineTable({ rows, figures, profileName, readOnly, selected, onSelect, onEdit, onPickProfile, onShowCalculation, warningLines }: LineTableProps) {
  const { t } = useTranslation();
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.line));
  return (
    <div className="table-wrapper line-table-wrapper">
      <table className="table line-table">
        <caption className="visually-hidden">{t('passports.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="line-table__select">
              {readOnly ? (
                <span className="visually-hidden">{t('passports.table.select')}</span>
              ) : (
                <input
                  type="checkbox"
                  aria-label={t('passports.table.selectAll')}
                  checked={allSelected}
                  onChange={(e) => onSelect(rows.map((r) => r.line), e.target.checked)}
                />
              )}
            </th>
            <th scope="col" rowSpan={2} className="numeric">#</th>
            <th scope="col" rowSpan={2}>{t('passports.table.element')}</th>
            <th scope="col" rowSpan={2}>{t('passports.table.material')}</th>
            <th scope="col" rowSpan={2} className="numeric">{t('passports.fields.quantity')}</th>
            <th scope="col" rowSpan={2}>{t('passports.fields.unit')}</th>
            <th scope="col" rowSpan={2}>{t('passports.fields.profileId')}</th>
            <th scope="col" rowSpan={2} className="numeric">{t('passports.fields.serviceLifeYears')}</th>
            <th scope="colgroup" colSpan={3} className="line-table__group">{t('passports.table.origin')}</th>
            <th scope="colgroup" colSpan={4} className="line-table__group">{t('passports.table.detachability')}</th>
            <th scope="col" rowSpan={2} className="numeric">{t('passports.table.mki')}</th>
          </tr>
          <tr>
            {originColumns.map((field) => (
              <th key={field} scope="col" className="numeric">{t(`passports.fields.${field}`)}</th>
            ))}
            {detachColumns.map((field) => (
              <th key={field} scope="col">{t(`passports.fields.${field}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <LineRow
              key={row.data.key ?? row.line}
              row={row}
              index={index}
              mki={lineMki(figures, row.line)}
              suggested={figures?.suggested[row.line] ?? null}
              profileName={profileName}
              readOnly={readOnly}
              selected={selected.has(row.line)}
              warned={warningLines?.has(row.line) ?? false}
              onSelect={onSelect}
              onEdit={onEdit}
              onPickProfile={onPickProfile}
              onShowCalculation={figures ? onShowCalculation : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function lineMki(figures: LineTableProps['figures'], line: number): number | null {
  const value = figures?.lineMki[line - 1];
  return value === undefined || Number.isNaN(value) ? null : value;
}

interface LineRowProps {
  row: PassportRow<LineWithOrigin>;
  index: number;
  mki: number | null;
  /** The engine's suggested profile, for a line without a profile of its own. */
  suggested: string | null;
  profileName: (id: string) => string | undefined;
  readOnly: boolean;
  selected: boolean;
  warned: boolean;
  onSelect: (lines: number[], selected: boolean) => void;
  onEdit: (line: number, field: EditableField, input: string) => EditResult<LineWithOrigin>;
  onPickProfile: (row: PassportRow<LineWithOrigin>) => void;
  onShowCalculation?: ((row: PassportRow<LineWithOrigin>) => void) | undefined;
}

const LineRow = memo(function LineRow({ row, index, mki, suggested: suggestedName, profileName, readOnly, selected, warned, onSelect, onEdit, onPickProfile, onShowCalculation }: LineRowProps) {
  const { t } = useTranslation();
  const { data } = row;
  const what = t('passports.table.lineLabel', { line: row.line, description: data.description });
  const profileId = data.profileId;
  const suggested = !profileId ? suggestedName : null;
  return (
    <tr className={[selected ? 'is-selected' : '', warned ? 'has-warning' : ''].filter(Boolean).join(' ') || undefined}>
      <td className="line-table__select">
        {readOnly ? null : (
          <input type="checkbox" aria-label={t('passports.table.selectLine', { what })} checked={selected} onChange={(e) => onSelect([row.line], e.target.checked)} />
        )}
      </td>
      <td className="numeric muted">{row.line}</td>
      <td className="line-table__element">
        <span className="nlsfb">{row.nlsfb}</span> {row.elementName}
      </td>
      <td className="line-table__material">{data.description}</td>
      {numericColumns.map(({ field }) => (
        <NumberCell key={field} row={row} index={index} field={field} label={`${t(`passports.fields.${field}`)}, ${what}`} readOnly={readOnly} onEdit={onEdit} />
      ))}
      <ChoiceCell row={row} index={index} field="unit" label={`${t('passports.fields.unit')}, ${what}`} readOnly={readOnly} onEdit={onEdit} />
      <td className="line-table__profile">
        {readOnly ? (
          <span>{profileId ? (profileName(profileId) ?? profileId) : <span className="muted">{t('passports.table.noProfile')}</span>}</span>
        ) : (
          <button type="button" className="profile-button" data-row={index} data-col="profile" aria-label={`${t('passports.fields.profileId')}, ${what}: ${profileId ? (profileName(profileId) ?? profileId) : t('passports.table.noProfile')}`} onClick={() => onPickProfile(row)}>
            {profileId ? (profileName(profileId) ?? profileId) : <span className="profile-button__empty">{t('passports.table.chooseProfile')}</span>}
          </button>
        )}
        {data.profileOrigin ? <span className="origin-tag">{t(`passports.profileOrigin.${data.profileOrigin}`)}</span> : null}
        {suggested ? <span className="origin-tag origin-tag--suggested" title={suggested}>{t('passports.table.engineSuggests', { name: suggested })}</span> : null}
      </td>
      <NumberCell row={row} index={index} field="serviceLifeYears" label={`${t('passports.fields.serviceLifeYears')}, ${what}`} readOnly={readOnly} onEdit={onEdit} />
      {originColumns.map((field) => (
        <NumberCell key={field} row={row} index={index} field={field} label={`${t(`passports.fields.${field}`)}, ${what}`} readOnly={readOnly} onEdit={onEdit} />
      ))}
      {detachColumns.map((field) => (
        <ChoiceCell key={field} row={row} index={index} field={field} label={`${t(`passports.fields.${field}`)}, ${what}`} readOnly={readOnly} onEdit={onEdit} />
      ))}
      <td className="numeric">
        {onShowCalculation ? (
          <button type="button" className="button button--link line-table__mki" aria-label={`${t('passports.table.showCalculation', { what })}: ${mki === null ? '–' : formatNumber(mki, 0)}`} onClick={() => onShowCalculation(row)}>
            {mki === null ? '–' : formatNumber(mki, 0)}
          </button>
        ) : mki === null ? (
          '–'
        ) : (
          formatNumber(mki, 0)
        )}
      </td>
    </tr>
  );
});

interface CellProps<F extends EditableField> {
  row: PassportRow<LineWithOrigin>;
  index: number;
  field: F;
  label: string;
  readOnly: boolean;
  onEdit: (line: number, field: EditableField, input: string) => EditResult<LineWithOrigin>;
}

function useProblemText() {
  const { t } = useTranslation();
  return (problem: EditProblem) => (problem.key === 'schema' ? (problem.message ?? t('passports.edit.invalid')) : t(`passports.edit.${problem.key}`));
}

function NumberCell(props: CellProps<NumericField>) {
  const value = fieldValue(props.row.data, props.field);
  // Remounting on a new stored value (e.g. after a bulk edit) resets the text; a refused edit keeps its text.
  return <NumberCellInner key={String(value)} {...props} value={typeof value === 'number' ? value : undefined} />;
}

function NumberCellInner({ row, index, field, label, readOnly, onEdit, value }: CellProps<NumericField> & { value: number | undefined }) {
  const [text, setText] = useState(formatInput(value));
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const problemText = useProblemText();
  const errorId = useId();
  if (readOnly) return <td className="numeric">{value === undefined ? '–' : formatNumber(value, 3)}</td>;
  const commit = () => {
    if (text === formatInput(value)) {
      setProblem(null);
      return;
    }
    const result = onEdit(row.line, field, text);
    setProblem(result.ok ? null : result.problem);
  };
  return (
    <td className={`numeric${problem ? ' cell--invalid' : ''}`}>
      <input
        className="cell-input cell-input--number"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        data-row={index}
        data-col={field}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
            moveFocus(e);
          } else if (e.key === 'Escape') {
            setText(formatInput(value));
            setProblem(null);
          }
        }}
      />
      {problem ? (
        <span id={errorId} className="cell-error" role="alert">
          {problemText(problem)}
        </span>
      ) : null}
    </td>
  );
}

function ChoiceCell({ row, index, field, label, readOnly, onEdit }: CellProps<ChoiceField>) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const problemText = useProblemText();
  const errorId = useId();
  const value = fieldValue(row.data, field);
  const optionLabel = (option: string) => (field === 'unit' ? t(`passports.unitNames.${option}`) : t(`passports.options.${field}.${option}`));
  if (readOnly) return <td>{typeof value === 'string' ? optionLabel(value) : '–'}</td>;
  return (
    <td className={problem ? 'cell--invalid' : undefined}>
      <select
        className="cell-input"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        data-row={index}
        data-col={field}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => {
          const result = onEdit(row.line, field, e.target.value);
          setProblem(result.ok ? null : result.problem);
        }}
      >
        {field === 'unit' ? null : <option value="">–</option>}
        {choiceOptions[field].map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      {problem ? (
        <span id={errorId} className="cell-error" role="alert">
          {problemText(problem)}
        </span>
      ) : null}
    </td>
  );
}
