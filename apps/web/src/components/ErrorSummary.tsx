import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../lib/validation.ts';

interface ErrorSummaryProps {
  errors: FieldErrors;
  /** Human names per field path, so the summary reads "Naam: vul minimaal 2 tekens in". */
  labelFor: (path: string) => string;
  /** Changes on every submit so focus moves to the summary again. */
  attempt: number;
}

/** Lists form errors at the top, linked to their fields; focused after a failed submit (NL Design System pattern). */
export function ErrorSummary({ errors, labelFor, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Listed in the order of the fields on the page, not the order the schema checked them in.
  const entries = Object.entries(errors).sort(([a], [b]) => documentOrder(a, b));
  const count = entries.length;

  useEffect(() => {
    if (count > 0 && attempt > 0) ref.current?.focus();
  }, [attempt, count]);

  if (count === 0) return null;
  // role="alert" is announced when it appears; focusing it also puts keyboard users right above the links.
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">{t('form.errorSummaryTitle', { count })}</h2>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a
              href={`#${fieldId(path)}`}
              onClick={(event) => {
                const target = document.getElementById(fieldId(path));
                if (target) {
                  event.preventDefault();
                  target.focus();
                }
              }}
            >
              {labelFor(path)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function documentOrder(pathA: string, pathB: string): number {
  const a = typeof document === 'undefined' ? null : document.getElementById(fieldId(pathA));
  const b = typeof document === 'undefined' ? null : document.getElementById(fieldId(pathB));
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
