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
          <span aria-hidden="true" className="badge__icon">
            🔒
          </span>{' '}
          {t('visibility.vertrouwelijk')}
        </Badge>
      ) : null}
    </>
  );
}
