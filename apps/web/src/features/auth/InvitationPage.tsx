import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { acceptInvitationRequest, invitationPreview, sessionResponse } from '@kringbouw/contracts';
import { ApiError, apiRequest } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useStoreSession } from './session.ts';

export default function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const params = useParams();
  const [search] = useSearchParams();
  const token = params.token ?? search.get('token') ?? '';
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => apiRequest(`/api/invitations/${encodeURIComponent(token)}`, invitationPreview),
    enabled: token.length > 0,
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const accept = useMutation({
    mutationFn: (body: { token: string; name?: string | undefined; password: string }) =>
      apiRequest('/api/invitations/accept', sessionResponse, { method: 'POST', body }),
    onSuccess: (session) => {
      storeSession(session);
      void navigate('/projecten', { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldProblems.length > 0) {
        setErrors(fieldErrorsFromProblems(error.fieldProblems, t));
        setAttempt((n) => n + 1);
      }
    },
  });

  if (token.length > 0 && preview.isPending) return <Loading />;
  if (token.length === 0 || preview.isError) {
    const gone = token.length === 0 || (preview.error instanceof ApiError && [400, 404, 410].includes(preview.error.status));
    return (
      <div className="page page--narrow">
        <h1>{t('invitation.title')}</h1>
        {gone ? (
          <div className="notice notice--error" role="alert">
            <p>{t('invitation.invalid')}</p>
          </div>
        ) : (
          <ErrorMessage error={preview.error} onRetry={() => void preview.refetch()} />
        )}
        <p>
          <Link to="/inloggen">{t('passwordReset.backToSignIn')}</Link>
        </p>
      </div>
    );
  }

  const invite = preview.data;
  if (!invite) return <Loading />;
  const needsName = !invite.accountExists;
  const labels: Record<string, string> = {
    name: t('invitation.name'),
    password: invite.accountExists ? t('signIn.password') : t('passwordReset.newPassword'),
    repeat: t('passwordReset.repeatPassword'),
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = acceptInvitationRequest.safeParse({ token, password, name: needsName ? name : undefined });
    const next: FieldErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, t);
    if (needsName && repeat !== password) next.repeat = t('passwordReset.mismatch');
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    accept.mutate(parsed.data);
  }

  return (
    <div className="page page--narrow">
      <h1>{t('invitation.title')}</h1>
      <p className="lead">
        {t('invitation.intro', { organisation: invite.organisationName, role: t(`roles.${invite.role}`) })}
      </p>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labelFor={(path) => labels[path] ?? path} attempt={attempt} />
        {accept.isError && !(accept.error instanceof ApiError && accept.error.fieldProblems.length > 0) ? <ErrorMessage error={accept.error} /> : null}
        <dl className="facts facts--compact">
          <div>
            <dt>{t('signIn.email')}</dt>
            <dd>{invite.email}</dd>
          </div>
          <div>
            <dt>{t('organisations.role')}</dt>
            <dd>{t(`roles.${invite.role}`)}</dd>
          </div>
        </dl>
        <p>{invite.accountExists ? t('invitation.existingAccount') : t('invitation.newAccount')}</p>
        {needsName ? (
          <FormField id={fieldId('name')} label={labels.name} error={errors.name}>
            {(control) => <input {...control} type="text" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />}
          </FormField>
        ) : null}
        <FormField
          id={fieldId('password')}
          label={labels.password}
          hint={needsName ? t('passwordReset.passwordHint') : undefined}
          error={errors.password}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete={needsName ? 'new-password' : 'current-password'}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        {needsName ? (
          <FormField id={fieldId('repeat')} label={labels.repeat} error={errors.repeat}>
            {(control) => <input {...control} type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} />}
          </FormField>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={accept.isPending}>
            {t('invitation.accept')}
          </button>
        </div>
      </form>
    </div>
  );
}
