/**
 * The Cirkelstad guide's suggestions as selectable templates, per theme and per level (starting / advanced), in
 * the UI language. Chosen templates become editable commitments.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementTemplate } from '@kringbouw/contracts';
import { agreementThemes } from '@kringbouw/domain/agreements';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { useAgreementTemplates } from './api.ts';
import { formatInteger } from '../../lib/format.ts';
import { comparatorSymbols, formatIndicatorValue, indicatorName } from './labels.ts';

interface TemplatePickerProps {
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

export function templateText(template: AgreementTemplate, language: string): { title: string; text: string } {
  return language.startsWith('en') ? template.en : template.nl;
}

export function TemplatePicker({ selected, onChange }: TemplatePickerProps) {
  const { t, i18n } = useTranslation();
  const templates = useAgreementTemplates();
  const [level, setLevel] = useState<'all' | 'start' | 'gevorderd'>('all');
  const levelId = useId();

  if (templates.isPending) return <Loading />;
  if (templates.isError) return <ErrorMessage error={templates.error} onRetry={() => void templates.refetch()} />;

  const shown = templates.data.templates.filter((template) => level === 'all' || template.level === level);
  function toggle(id: string) {
    onChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  }

  return (
    <div className="template-picker">
      <p className="field__hint">{t('agreements.templates.intro')}</p>
      <div className="field">
        <label htmlFor={levelId} className="field__label">
          {t('agreements.templates.level')}
        </label>
        <select id={levelId} value={level} onChange={(event) => setLevel(event.target.value as typeof level)}>
          <option value="all">{t('agreements.templates.allLevels')}</option>
          <option value="start">{t('agreements.templates.levels.start')}</option>
          <option value="gevorderd">{t('agreements.templates.levels.gevorderd')}</option>
        </select>
      </div>
      <p className="muted" aria-live="polite">
        {t('agreements.templates.selectedCount', { count: selected.length })}
      </p>
      {agreementThemes.map((theme) => {
        const items = shown.filter((template) => template.theme === theme);
        if (items.length === 0) return null;
        return (
          <fieldset key={theme} className="template-picker__theme">
            <legend>{t(`agreements.themes.${theme}`)}</legend>
            <ul className="plain-list">
              {items.map((template) => {
                const text = templateText(template, i18n.language);
                const inputId = `template-${template.id}`;
                return (
                  <li key={template.id} className="template-picker__item">
                    <div className="checkbox">
                      <input id={inputId} type="checkbox" checked={selected.includes(template.id)} onChange={() => toggle(template.id)} aria-describedby={`${inputId}-text`} />
                      <label htmlFor={inputId}>{text.title}</label>
                    </div>
                    <p id={`${inputId}-text`} className="template-picker__text">
                      <span className="badge badge--neutral">{t(`agreements.templates.levels.${template.level}`)}</span>{' '}
                      <span className="badge badge--neutral">{t(`agreements.kindsShort.${template.kind}`)}</span>{' '}
                      {template.measure ? (
                        <span className="muted">
                          {indicatorName(template.measure.indicatorId, i18n.language)} {comparatorSymbols[template.measure.comparator]}{' '}
                          {template.measure.scopeType === 'aandeel' ? `${formatInteger(template.measure.target)} %` : formatIndicatorValue(template.measure.indicatorId, template.measure.target)} ·{' '}
                        </span>
                      ) : null}
                      {text.text}
                    </p>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
      <p className="muted">{t('agreements.templates.source', { source: templates.data.source, version: templates.data.version })}</p>
    </div>
  );
}
