import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passportSettings, type PassportSettings } from '@kringbouw/contracts';
import { canManagePassportSettings } from '@kringbouw/domain/authz';
import { apiRequest } from '../../api/client.ts';
import { ErrorMessage, Loading, useErrorText } from '../../components/Status.tsx';
import { useActor } from '../auth/session.ts';

const settingsUrl = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}/passport-settings`;
export const passportSettingsKey = (organisationId: string) => ['passport-settings', organisationId] as const;

/**
 * The organisation's passport settings. Some corporations do not want full building models stored, so keeping the
 * original IFC file of an import is a per-organisation choice of its beheerders (off by default).
 */
export function PassportSettingsCard({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const actor = useActor();
  const errorText = useErrorText();
  const checkboxId = useId();
  const hintId = useId();
  const queryClient = useQueryClient();
  const editable = canManagePassportSettings(actor, organisationId);
  const settings = useQuery({
    queryKey: passportSettingsKey(organisationId),
    queryFn: ({ signal }) => apiRequest(settingsUrl(organisationId), passportSettings, { signal }),
  });
  const save = useMutation({
    mutationFn: (body: PassportSettings) => apiRequest(settingsUrl(organisationId), passportSettings, { method: 'PUT', body }),
    onSuccess: (data) => queryClient.setQueryData(passportSettingsKey(organisationId), data),
  });

  return (
    <section className="card" aria-labelledby={`${checkboxId}-heading`}>
      <h2 id={`${checkboxId}-heading`}>{t('passports.settings.title')}</h2>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <>
          <div className="checkbox">
            <input
              id={checkboxId}
              type="checkbox"
              checked={settings.data.keepOriginalIfc}
              disabled={!editable || save.isPending}
              aria-describedby={hintId}
              onChange={(event) => save.mutate({ keepOriginalIfc: event.target.checked })}
            />
            <label htmlFor={checkboxId}>{t('passports.settings.keepOriginalIfc')}</label>
          </div>
          <p id={hintId} className="field__hint">
            {t('passports.settings.keepOriginalIfcHint')} {editable ? null : t('passports.settings.onlyBeheerder')}
          </p>
          <p role="status" aria-live="polite" className="field__hint">
            {save.isSuccess ? t('passports.settings.saved') : null}
          </p>
          {save.isError ? <p role="alert" className="field__error">{errorText(save.error)}</p> : null}
        </>
      ) : null}
    </section>
  );
}
