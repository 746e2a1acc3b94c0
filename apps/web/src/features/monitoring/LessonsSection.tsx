/**
 * City Deal monitoring level 1: experiences and lessons per organisation — what sped things up, what blocked — as
 * short structured entries (theme, year, organisation, author). Everyone signed in reads them; bewerker+ of an
 * organisation (or the coordinator) records them for it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonThemes, type LessonTheme } from '@kringbouw/domain/monitoring';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatShortDate } from '../../lib/format.ts';
import { useLessons, useRecordLesson } from './api.ts';
import { downloadCsv, toCsv } from './csv.ts';

function LessonForm({ organisations, onDone }: { organisations: { id: string; name: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const record = useRecordLesson();
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [theme, setTheme] = useState<LessonTheme>('biobased');
  const [accelerators, setAccelerators] = useState('');
  const [blockers, setBlockers] = useState('');
  const problems = record.error instanceof ApiError ? record.error.fieldProblems : [];
  const problemOf = (path: string) => problems.find((p) => p.path === path)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ organisationId, year: Number(year), theme, accelerators, blockers }, { onSuccess: onDone });
  };
  return (
    <form className="lesson-form card" aria-label={t('monitoring.lessons.formTitle')} onSubmit={submit} noValidate>
      <h4>{t('monitoring.lessons.formTitle')}</h4>
      <FormField id={`${id}-org`} label={t('monitoring.lessons.organisation')} error={problemOf('organisationId')}>
        {(control) => (
          <select {...control} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${id}-year`} label={t('monitoring.lessons.year')} error={problemOf('year')}>
        {(control) => <input {...control} inputMode="numeric" size={6} value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} />}
      </FormField>
      <FormField id={`${id}-theme`} label={t('monitoring.lessons.theme')} error={problemOf('theme')}>
        {(control) => (
          <select {...control} value={theme} onChange={(e) => setTheme(lessonThemes.find((k) => k === e.target.value) ?? 'overig')}>
            {lessonThemes.map((k) => (
              <option key={k} value={k}>
                {t(`monitoring.lessons.themes.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${id}-acc`} label={t('monitoring.lessons.accelerators')} hint={t('monitoring.lessons.acceleratorsHint')} error={problemOf('accelerators')}>
        {(control) => <textarea {...control} rows={3} maxLength={1000} value={accelerators} onChange={(e) => setAccelerators(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-blk`} label={t('monitoring.lessons.blockers')} hint={t('monitoring.lessons.blockersHint')} error={problemOf('blockers')}>
        {(control) => <textarea {...control} rows={3} maxLength={1000} value={blockers} onChange={(e) => setBlockers(e.target.value)} />}
      </FormField>
      {record.isError && problems.length === 0 ? <ErrorMessage error={record.error} /> : null}
      <div>
        <button type="submit" className="button" disabled={record.isPending}>
          {t('monitoring.lessons.submit')}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('monitoring.lessons.cancel')}
        </button>
      </div>
    </form>
  );
}

export function LessonsSection({ year }: { year: string }) {
  const { t } = useTranslation();
  const query = useLessons({ year });
  const [open, setOpen] = useState(false);
  const data = query.data;
  const columns = ['year', 'organisation', 'theme', 'accelerators', 'blockers', 'author'].map((k) => t(`monitoring.lessons.${k}`));
  return (
    <section className="card" aria-labelledby="lessons-heading">
      <h2 id="lessons-heading">{t('monitoring.lessons.title')}</h2>
      <p className="muted">{t('monitoring.lessons.explain')}</p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <>
          {data.canRecordFor.length > 0 && !open ? (
            <button type="button" className="button" onClick={() => setOpen(true)}>
              {t('monitoring.lessons.open')}
            </button>
          ) : null}
          {open ? <LessonForm organisations={data.canRecordFor} onDone={() => setOpen(false)} /> : null}
          {data.items.length > 0 ? (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => downloadCsv('city-deal-lessen.csv', toCsv(columns, data.items.map((l) => [l.year, l.organisation.name, t(`monitoring.lessons.themes.${l.theme}`), l.accelerators, l.blockers, l.author?.name ?? ''])))}
            >
              {t('monitoring.dashboard.csv')}
            </button>
          ) : null}
          {data.items.length === 0 ? <p>{t('monitoring.lessons.none')}</p> : null}
          <ul className="lesson-list" data-testid="lesson-list">
            {data.items.map((l) => (
              <li key={l.id}>
                <strong>{l.organisation.name}</strong> · {t(`monitoring.lessons.themes.${l.theme}`)} · {l.year}
                {l.accelerators ? (
                  <p>
                    <em>{t('monitoring.lessons.accelerators')}:</em> {l.accelerators}
                  </p>
                ) : null}
                {l.blockers ? (
                  <p>
                    <em>{t('monitoring.lessons.blockers')}:</em> {l.blockers}
                  </p>
                ) : null}
                <span className="muted">
                  {l.author?.name ?? t('monitoring.lessons.unknownAuthor')}, {formatShortDate(l.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
