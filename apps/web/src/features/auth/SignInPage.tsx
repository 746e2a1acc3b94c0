import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authConfigResponse, sessionResponse, signInRequest } from '@kringbouw/contracts';
import { ApiError, apiRequest } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Loading, useErrorText } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSession, useStoreSession } from './session.ts';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '/projecten';
  return value;
}

/** Codes the server puts in `?fout=` when sign-in through the identity provider fails. */
export const oidcFailureCodes = ['oidc_state', 'oidc_failed', 'oidc_no_verified_email', 'oidc_no_account'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('terug'));
  const oidcFailure = oidcFailureCodes.find((code) => code === params.get('fout'));
  const session = useSession();
  const storeSession = useStoreSession();
  const config = useQuery({ queryKey: ['auth-config'], queryFn: () => apiRequest('/api/auth/config', authConfigResponse), staleTime: Infinity });
  const errorText = useErrorText();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) => apiRequest('/api/auth/sign-in', sessionResponse, { method: 'POST', body }),
    onSuccess: (data) => {
      storeSession(data);
      void navigate(returnTo, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0) {
        setErrors(fieldErrorsFromProblems(error.fieldProblems, t));
      } else if (error instanceof ApiError && error.status === 401) {
        setFormError(t('signIn.invalidCredentials'));
      } else {
        setFormError(errorText(error));
      }
      setAttempt((n) => n + 1);
    },
  });

  if (session.data) return <Navigate to={returnTo} replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = signInRequest.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues, t));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data);
  }

  const labels: Record<string, string> = { email: t('signIn.email'), password: t('signIn.password') };

  return (
    <div className="page page--narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labelFor={(path) => labels[path] ?? path} attempt={attempt} />
        {oidcFailure && !formError ? (
          <p className="notice notice--error" role="alert">
            {t(`signIn.oidcFailure.${oidcFailure}`)}
          </p>
        ) : null}
        <div aria-live="assertive">
          {formError ? (
            <p className="notice notice--error" role="alert">
              {formError}
            </p>
          ) : null}
        </div>
        <FormField id={fieldId('email')} label={labels.email} error={errors.email}>
          {(control) => (
            <input {...control} type="email" name="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
          )}
        </FormField>
        <FormField id={fieldId('password')} label={labels.password} error={errors.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <div className="form__actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
          <Link to="/wachtwoord-vergeten">{t('signIn.forgotPassword')}</Link>
        </div>
      </form>
      {config.isPending ? <Loading /> : null}
      {config.data?.oidc.enabled ? (
        <div className="card sign-in__oidc">
          <p>{t('signIn.oidcIntro')}</p>
          <a className="button button--secondary" href="/api/auth/oidc/start">
            {config.data.oidc.label ? t('signIn.oidcWith', { label: config.data.oidc.label }) : t('signIn.oidc')}
          </a>
        </div>
      ) : null}
    </div>
  );
}
