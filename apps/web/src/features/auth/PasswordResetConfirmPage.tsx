import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordResetConfirm } from '@kringbouw/contracts';
import { ApiError, apiRequest } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

/** Reached from the link in the reset e-mail: /wachtwoord-herstellen/<token> (or ?token=<token>). */
export default function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  usePageTitle(t('passwordReset.confirmTitle'));
  const params = useParams();
  const [search] = useSearchParams();
  const token = params.token ?? search.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const confirm = useMutation({
    mutationFn: (body: { token: string; password: string }) => apiRequest('/api/auth/password-reset/confirm', z.unknown(), { method: 'POST', body }),
    onError: (error) => {
      if (error instanceof ApiError && error.fieldProblems.some((problem) => problem.path === 'password')) {
        setErrors(fieldErrorsFromProblems(error.fieldProblems.filter((problem) => problem.path === 'password'), t));
        setAttempt((n) => n + 1);
      }
    },
  });

  const labels: Record<string, string> = { password: t('passwordReset.newPassword'), repeat: t('passwordReset.repeatPassword') };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = passwordResetConfirm.safeParse({ token, password });
    const next: FieldErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues.filter((issue) => issue.path[0] === 'password'), t);
    if (repeat !== password) next.repeat = t('passwordReset.mismatch');
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    confirm.mutate(parsed.data);
  }

  if (confirm.isSuccess) {
    return (
      <div className="page page--narrow">
        <h1>{t('passwordReset.confirmTitle')}</h1>
        <div className="notice notice--success" role="status">
          <p>{t('passwordReset.confirmDone')}</p>
        </div>
        <p>
          <Link className="button" to="/inloggen">
            {t('signIn.submit')}
          </Link>
        </p>
      </div>
    );
  }

  const linkBroken =
    token.length < 20 ||
    (confirm.error instanceof ApiError &&
      (confirm.error.code === 'invalid_token' || confirm.error.fieldProblems.some((problem) => problem.path === 'token')));
  const otherError = confirm.isError && !linkBroken && !(confirm.error instanceof ApiError && confirm.error.fieldProblems.some((problem) => problem.path === 'password'));

  return (
    <div className="page page--narrow">
      <h1>{t('passwordReset.confirmTitle')}</h1>
      {linkBroken ? (
        <div className="notice notice--error" role="alert">
          <p>{t('passwordReset.invalidLink')}</p>
          <p>
            <Link to="/wachtwoord-vergeten">{t('passwordReset.requestAgain')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t('passwordReset.confirmIntro')}</p>
          <form className="form card" onSubmit={onSubmit} noValidate>
            <ErrorSummary errors={errors} labelFor={(path) => labels[path] ?? path} attempt={attempt} />
            {otherError ? (
              <ErrorMessage error={confirm.error}>
                <p>
                  <Link to="/wachtwoord-vergeten">{t('passwordReset.requestAgain')}</Link>
                </p>
              </ErrorMessage>
            ) : null}
            <FormField id={fieldId('password')} label={labels.password} hint={t('passwordReset.passwordHint')} error={errors.password}>
              {(control) => (
                <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
              )}
            </FormField>
            <FormField id={fieldId('repeat')} label={labels.repeat} error={errors.repeat}>
              {(control) => <input {...control} type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} />}
            </FormField>
            <div className="form__actions">
              <button type="submit" className="button" disabled={confirm.isPending}>
                {t('passwordReset.confirmSubmit')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
