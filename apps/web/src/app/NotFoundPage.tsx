import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/use-page-title.ts';

/**
 * Unknown paths get the page variant; a project or organisation the API does not know (or does not show to this
 * user, like a confidential project) gets the resource variant, which says so without confirming it exists.
 */
export function NotFoundPage({ resource }: { resource?: 'project' | 'organisation' }) {
  const { t } = useTranslation();
  const title = t('notFound.title');
  usePageTitle(resource ? t(`notFound.${resource}Title`) : title);
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p>{resource ? `${t('errors.notFound')} ${t('notFound.resourceHint')}` : t('notFound.body')}</p>
      <p>
        {resource === 'organisation' ? <Link to="/organisaties">{t('organisations.backToList')}</Link> : <Link to="/projecten">{t('notFound.home')}</Link>}
      </p>
    </div>
  );
}
