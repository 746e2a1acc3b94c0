import { useTranslation } from 'react-i18next';
import type { Project } from '@kringbouw/contracts';
import { Badge } from '../../components/Status.tsx';

/** Example data and confidential projects are marked wherever a project appears. */
export function ProjectBadges({ project }: { project: Pick<Project, 'isExample' | 'visibility'> }) {
  const { t } = useTranslation();
  return (
    <>
      {project.isExample ? (
        <Badge tone="example" title={t('projects.exampleExplanation')}>
          {t('projects.example')}
        </Badge>
      ) : null}
      {project.visibility === 'vertrouwelijk' ? (
        <Badge tone="confidential" title={t('projects.confidentialExplanation')}>
          <svg className="badge__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z" fill="currentColor" />
          </svg>
          {t('visibility.vertrouwelijk')}
        </Badge>
      ) : null}
    </>
  );
}
