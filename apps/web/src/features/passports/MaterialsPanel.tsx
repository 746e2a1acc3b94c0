import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialMapping, PassportVersion, VersionMaterial } from '@kringbouw/contracts';
import { ErrorMessage } from '../../components/Status.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useMaterialMappings, useProfileSuggestions, useSaveMapping } from './api.ts';
import { ProfilePicker } from './ProfilePicker.tsx';
import { useProfileSummaries } from './use-engine.ts';
import { formatNumber } from './numbers.ts';

interface MaterialsPanelProps {
  projectId: string;
  version: PassportVersion;
  /** May change the organisation's mapping. */
  mayMap: boolean;
  /** May change this version's lines (a concept the user may edit). */
  mayEditLines: boolean;
  /** Unsaved edits in the editor: applying mappings on the server would overwrite them. */
  dirty: boolean;
  /** Sets the profile on this passport's lines only (when the organisation's mapping may not be changed). */
  onSetLocally: (material: string, profileId: string) => void;
  organisationName?: string | undefined;
}

/**
 * The materials of a version, unmapped first, each with suggestions and a searchable picker. Saving stores the
 * organisation's mapping (reused in all its projects) and applies it to this concept, so lines and indicators follow.
 */
export function MaterialsPanel({ projectId, version, mayMap, mayEditLines, dirty, onSetLocally, organisationName }: MaterialsPanelProps) {
  const { t } = useTranslation();
  const mappings = useMaterialMappings(mayMap ? version.mappingOrganisationId : undefined);
  const byName = useMemo(() => new Map((mappings.data?.items ?? []).map((m) => [m.normalizedName, m])), [mappings.data]);
  const unmapped = version.materials.filter((m) => m.profileId === null).length;
  const [open, setOpen] = useState<string | null>(version.materials.find((m) => m.profileId === null)?.normalizedName ?? null);

  return (
    <section aria-labelledby="materials-heading" className="materials-panel">
      <h2 id="materials-heading">{t('passports.mapping.title')}</h2>
      <p className="lead">{t('passports.mapping.intro', { organisation: organisationName ?? t('passports.mapping.theOrganisation') })}</p>
      <p role="status" className={unmapped > 0 ? 'notice notice--warning' : 'notice notice--success'}>
        {unmapped > 0 ? t('passports.mapping.unmappedCount', { count: unmapped }) : t('passports.mapping.allMapped')}
      </p>
      {dirty ? <p className="notice notice--warning">{t('passports.mapping.saveFirst')}</p> : null}
      <ul className="plain-list material-list">
        {version.materials.map((material) => (
          <MaterialItem
            key={material.normalizedName}
            projectId={projectId}
            version={version}
            material={material}
            mapping={byName.get(material.normalizedName)}
            expanded={open === material.normalizedName}
            onToggle={() => setOpen(open === material.normalizedName ? null : material.normalizedName)}
            mayMap={mayMap && !dirty}
            mayEditLines={mayEditLines}
            onSetLocally={onSetLocally}
          />
        ))}
      </ul>
    </section>
  );
}

interface MaterialItemProps {
  projectId: string;
  version: PassportVersion;
  material: VersionMaterial;
  mapping: MaterialMapping | undefined;
  expanded: boolean;
  onToggle: () => void;
  mayMap: boolean;
  mayEditLines: boolean;
  onSetLocally: (material: string, profileId: string) => void;
}

function MaterialItem({ projectId, version, material, mapping, expanded, onToggle, mayMap, mayEditLines, onSetLocally }: MaterialItemProps) {
  const { t } = useTranslation();
  const suggestions = useProfileSuggestions(material.name, expanded);
  const profiles = useProfileSummaries();
  const save = useSaveMapping(projectId, version);
  const [picking, setPicking] = useState(false);
  const mapped = material.profileId !== null;
  const headingId = `material-${material.normalizedName.replace(/[^a-z0-9]+/g, '-')}`;
  const canChoose = mayMap || mayEditLines;

  const choose = (profileId: string, origin: 'manual' | 'suggested') => {
    if (mayMap) save.mutate({ materialName: material.name, profileId, origin });
    else onSetLocally(material.name, profileId);
  };

  return (
    <li className={`material${mapped ? '' : ' material--unmapped'}`} aria-labelledby={headingId}>
      <div className="material__summary">
        <div>
          <h3 id={headingId} className="material__name">
            {material.name} <span className="muted">({t('passports.mapping.lines', { count: material.lineCount })})</span>
          </h3>
          {mapped ? (
            <p className="material__profile">
              {material.profileName ?? material.profileId}
              {material.mixedProfiles ? <span className="origin-tag">{t('passports.mapping.mixed')}</span> : null}
              {material.profileOrigin ? <span className="origin-tag">{t(`passports.profileOrigin.${material.profileOrigin}`)}</span> : null}
            </p>
          ) : (
            <p className="material__profile material__profile--none">{t('passports.mapping.notMapped')}</p>
          )}
          {mapping ? (
            <p className="muted material__mapping">
              {t('passports.mapping.savedMapping', {
                origin: t(`passports.mappingOrigin.${mapping.origin}`),
                who: mapping.updatedBy?.name ?? t('passports.mapping.unknownUser'),
                when: formatDateTime(mapping.updatedAt),
              })}
            </p>
          ) : material.mapping ? (
            <p className="muted material__mapping">{t('passports.mapping.hasMapping', { origin: t(`passports.mappingOrigin.${material.mapping.origin}`) })}</p>
          ) : null}
        </div>
        {canChoose ? (
          <button type="button" className="button button--secondary button--small" aria-expanded={expanded} onClick={onToggle}>
            {mapped ? t('passports.mapping.change') : t('passports.mapping.map')}
          </button>
        ) : null}
      </div>
      {expanded && canChoose ? (
        <div className="material__choices">
          <h4>{t('passports.mapping.suggestions')}</h4>
          {suggestions.isPending ? <p className="muted">{t('common.loading')}</p> : null}
          {suggestions.isError ? <ErrorMessage error={suggestions.error} /> : null}
          {suggestions.data && suggestions.data.items.length === 0 ? <p className="muted">{t('passports.mapping.noSuggestions')}</p> : null}
          {suggestions.data && suggestions.data.items.length > 0 ? (
            <table className="table table--compact">
              <caption className="visually-hidden">{t('passports.mapping.suggestionsFor', { name: material.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('passports.mapping.profile')}</th>
                  <th scope="col">{t('passports.mapping.declaredUnit')}</th>
                  <th scope="col" className="numeric">{t('passports.mapping.score')}</th>
                  <th scope="col">{t('passports.mapping.reason')}</th>
                  <th scope="col"><span className="visually-hidden">{t('passports.mapping.action')}</span></th>
                </tr>
              </thead>
              <tbody>
                {suggestions.data.items.map((s) => (
                  <tr key={s.profileId}>
                    <td>{s.name}</td>
                    <td>{t(`passports.unitNames.${s.declaredUnit}`)}</td>
                    <td className="numeric">{formatNumber(s.score, 2, 2)}</td>
                    <td>{s.reason}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={save.isPending}
                        aria-label={t('passports.mapping.useFor', { profile: s.name, name: material.name })}
                        onClick={() => choose(s.profileId, 'suggested')}
                      >
                        {t('passports.mapping.use')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p>
            <button type="button" className="button button--secondary button--small" onClick={() => setPicking(true)}>
              {t('passports.mapping.searchLibrary')}
            </button>
          </p>
          {!mayMap ? <p className="muted">{t('passports.mapping.localOnly')}</p> : null}
          {save.isPending ? <p role="status">{t('common.saving')}</p> : null}
          {save.isError ? <ErrorMessage error={save.error} /> : null}
        </div>
      ) : null}
      {picking ? (
        <ProfilePicker
          subject={material.name}
          profiles={profiles.data}
          currentId={material.profileId ?? undefined}
          onClose={() => setPicking(false)}
          onChoose={(profileId) => {
            setPicking(false);
            choose(profileId, 'manual');
          }}
        />
      ) : null}
    </li>
  );
}
