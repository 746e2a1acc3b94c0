/**
 * Editing a municipality's opportunity rules: the points of every rule per kind (the weights), and — for changes
 * to conditions, texts or new rules — the whole set as JSON. Checked with the domain's own schema before sending,
 * so every bad path is named here as the server would name it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { opportunityKinds, opportunityRulesSchema, type OpportunityRule, type OpportunityRules } from '@kringbouw/domain/opportunities';
import { ApiError } from '../../api/client.ts';

export interface RuleProblem {
  path: string;
  message: string;
}

/** Every problem of a rule set as "path: message", the way the server reports them. */
export function ruleProblems(rules: unknown): RuleProblem[] {
  const result = opportunityRulesSchema.safeParse(rules);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

/** A short Dutch description of a rule's condition, for the table. */
export function describeCondition(rule: OpportunityRule): string {
  switch (rule.type) {
    case 'roofType':
    case 'dwellingType':
      return `${rule.type}: ${rule.values.join(', ')}`;
    case 'useFunction':
      return `useFunction: ${rule.values.join(', ')}${rule.requireNoWoonfunctie ? ' (zonder woonfunctie)' : ''}`;
    case 'buildYearRange':
      return `bouwjaar ${rule.from}–${rule.to}`;
    case 'storeysRange':
      return `bouwlagen ${rule.min}–${rule.max}`;
    case 'lowerThanNeighbours':
      return `≥ ${rule.minDifferenceM} m lager dan buren`;
    case 'floorAreaPerDwelling':
      return `≥ ${rule.minM2} m² per woning`;
    case 'footprintAreaRange':
      return `footprint ${rule.minM2}–${rule.maxM2} m²`;
    case 'vacancy':
      return 'leegstand bekend';
  }
}

export function RuleEditor({ initial, onSave }: { initial: OpportunityRules; onSave: (rules: OpportunityRules, note: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const id = useId();
  const [rules, setRules] = useState<OpportunityRules>(initial);
  const [points, setPoints] = useState<Record<string, string>>({});
  const [json, setJson] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  /** The set to save: the JSON when it is being edited, else the table with its points. */
  const candidate = (): unknown => {
    if (json !== null) {
      try {
        return JSON.parse(json) as unknown;
      } catch (error) {
        return { __jsonError: (error as Error).message };
      }
    }
    return {
      ...rules,
      kinds: Object.fromEntries(
        opportunityKinds.map((kind) => [
          kind,
          rules.kinds[kind].map((rule, index) => {
            const text = points[`${kind}.${index}`];
            return text === undefined ? rule : { ...rule, points: text.trim() === '' ? Number.NaN : Number(text) };
          }),
        ]),
      ),
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const value = candidate();
    if (value && typeof value === 'object' && '__jsonError' in value) {
      setProblems([{ path: 'JSON', message: String((value as { __jsonError: string }).__jsonError) }]);
      return;
    }
    const found = ruleProblems(value);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    onSave(opportunityRulesSchema.parse(value), note.trim())
      .then(() => {
        const saved = opportunityRulesSchema.parse(value);
        setRules(saved);
        setPoints({});
        setJson(null);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.fieldProblems.length > 0) setProblems(error.fieldProblems.map((p) => ({ path: p.path, message: p.message })));
        else setFailure(error instanceof Error ? error.message : t('errors.generic'));
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="form kk-rules" onSubmit={submit} noValidate aria-label={t('kansenkaart.rules.editor')}>
      {json === null ? (
        opportunityKinds.map((kind) => (
          <div className="table-wrapper" key={kind}>
            <table className="table">
              <caption>{t(`kansenkaart.kinds.${kind}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kansenkaart.rules.reason')}</th>
                  <th scope="col">{t('kansenkaart.rules.condition')}</th>
                  <th scope="col" className="numeric">
                    {t('kansenkaart.rules.points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.kinds[kind].map((rule, index) => {
                  const key = `${kind}.${index}`;
                  const problem = problems.find((p) => p.path === `kinds.${kind}.${index}.points`);
                  return (
                    <tr key={rule.code}>
                      <th scope="row">
                        {rule.text_nl.replace('{value}', '…')} <span className="muted">({rule.code})</span>
                      </th>
                      <td>{describeCondition(rule)}</td>
                      <td className="numeric">
                        <input
                          type="number"
                          min={-100}
                          max={100}
                          step={1}
                          className="kk-rules__points"
                          aria-label={t('kansenkaart.rules.pointsOf', { rule: rule.text_nl.replace('{value}', '…'), kind: t(`kansenkaart.kinds.${kind}`) })}
                          aria-invalid={problem ? true : undefined}
                          value={points[key] ?? String(rule.points)}
                          onChange={(e) => setPoints((current) => ({ ...current, [key]: e.target.value }))}
                        />
                        {problem ? <p className="field__error">{problem.message}</p> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))
      ) : (
        <div className="field">
          <label htmlFor={`${id}-json`} className="field__label">
            {t('kansenkaart.rules.json')}
          </label>
          <textarea id={`${id}-json`} rows={20} className="kk-rules__json" spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} />
        </div>
      )}
      <p>
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            if (json === null) setJson(JSON.stringify(candidate(), null, 2));
            else setJson(null);
            setProblems([]);
          }}
        >
          {json === null ? t('kansenkaart.rules.editJson') : t('kansenkaart.rules.editTable')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field__label">
          {t('kansenkaart.rules.note')}
        </label>
        <input id={`${id}-note`} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {problems.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <p>{t('kansenkaart.rules.invalid', { count: problems.length })}</p>
          <ul>
            {problems.map((p, index) => (
              <li key={index}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('kansenkaart.rules.saving') : t('kansenkaart.rules.save')}
        </button>
      </div>
    </form>
  );
}
