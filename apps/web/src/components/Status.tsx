import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, clientErrorCodes } from '../api/client.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** API error codes with their own sentence in both languages (apps/server raises them with a Dutch message). */
export const knownErrorCodes = [
  'invalid_credentials',
  'already_member',
  'last_beheerder',
  'organisation_exists',
  'version_conflict',
  'invalid_token',
  'invitation_invalid',
  'csrf_invalid',
  'origin_invalid',
  'rate_limited',
  'payload_too_large',
] as const;

/** A sentence for people about why a request failed; the API's own message is the last resort. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === clientErrorCodes.network) return t('errors.network');
      if (error.code === clientErrorCodes.badResponse) return t('errors.badResponse');
      const known = knownErrorCodes.find((code) => code === error.code);
      if (known) return t(`errors.codes.${known}`);
      if (error.status === 401) return t('errors.unauthenticated');
      if (error.status === 403) return t('errors.forbidden');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 409) return error.message || t('errors.conflict');
      if (error.status === 429) return t('errors.tooManyRequests');
      if (error.status >= 500) return t('errors.server');
      return error.message || t('errors.generic');
    }
    return t('errors.generic');
  };
}

export function ErrorMessage({ error, onRetry, children }: { error: unknown; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorText(error)}</p>
      {children}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Badge({ tone, children, title }: { tone: 'example' | 'confidential' | 'neutral' | 'success'; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
