import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordResetRequest } from '@kringbouw/contracts';
import { apiRequest } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

export default function PasswordResetRequestPage() {
  const { t } = useTranslation();
  usePageTitle(t('passwordReset.requestTitle'));
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const request = useMutation({
    mutationFn: (body: { email: string }) => apiRequest('/api/auth/password-reset/request', z.unknown(), { method: 'POST', body }),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = passwordResetRequest.safeParse({ email: email.trim() });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues, t));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    request.mutate(parsed.data);
  }

  if (request.isSuccess) {
    return (
      <div className="page page--narrow">
        <h1>{t('passwordReset.requestTitle')}</h1>
        <div className="notice notice--success" role="status">
          <p>{t('passwordReset.requestSent', { email: email.trim() })}</p>
        </div>
        <p>
          <Link to="/inloggen">{t('passwordReset.backToSignIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <h1>{t('passwordReset.requestTitle')}</h1>
      <p className="lead">{t('passwordReset.requestIntro')}</p>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labelFor={() => t('signIn.email')} attempt={attempt} />
        {request.isError ? <ErrorMessage error={request.error} /> : null}
        <FormField id={fieldId('email')} label={t('signIn.email')} error={errors.email}>
          {(control) => <input {...control} type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />}
        </FormField>
        <div className="form__actions">
          <button type="submit" className="button" disabled={request.isPending}>
            {t('passwordReset.requestSubmit')}
          </button>
          <Link to="/inloggen">{t('passwordReset.backToSignIn')}</Link>
        </div>
      </form>
    </div>
  );
}
