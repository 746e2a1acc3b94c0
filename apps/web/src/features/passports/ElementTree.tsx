import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nlsfbMainGroups, type TreeMode, type TreeNode } from './draft.ts';
import { formatNumber } from './numbers.ts';

interface ElementTreeProps {
  nodes: TreeNode[];
  mode: TreeMode;
  onModeChange: (mode: TreeMode) => void;
  selected: string | undefined;
  onSelect: (key: string | undefined) => void;
  totalLines: number;
}

/**
 * The passport's elements grouped by NL-SfB main group or by building layer. Choosing a node filters the line table.
 * Plain buttons in nested lists: every node is reachable with Tab, the chosen one is marked with aria-pressed.
 */
export function ElementTree({ nodes, mode, onModeChange, selected, onSelect, totalLines }: ElementTreeProps) {
  const { t } = useTranslation();
  // Large models (an IFC import easily has hundreds of elements) start with the groups folded.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() =>
    nodes.reduce((n, g) => n + g.children.length, 0) > 30 ? new Set(nodes.map((g) => g.key)) : new Set(),
  );
  const groupLabel = (node: TreeNode) => {
    const [, value = ''] = node.key.split(':');
    return mode === 'layer' ? t(`passports.layers.${value}`) : `${value} ${nlsfbMainGroups[value] ?? ''}`.trim();
  };
  return (
    <nav className="element-tree" aria-label={t('passports.tree.label')}>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('passports.tree.groupBy')}</legend>
        {(['nlsfb', 'layer'] as const).map((m) => (
          <label key={m} className={`segmented__option${mode === m ? ' is-active' : ''}`}>
            <input type="radio" name="tree-mode" value={m} checked={mode === m} onChange={() => onModeChange(m)} />
            {t(`passports.tree.by.${m}`)}
          </label>
        ))}
      </fieldset>
      <ul className="plain-list element-tree__list">
        <li>
          <button type="button" className="tree-node" aria-pressed={selected === undefined} onClick={() => onSelect(undefined)}>
            {t('passports.tree.all')} <span className="tree-node__count">{formatNumber(totalLines, 0)}</span>
          </button>
        </li>
        {nodes.map((group) => {
          const open = !collapsed.has(group.key);
          return (
            <li key={group.key}>
              <div className="tree-group">
                <button
                  type="button"
                  className="tree-toggle"
                  aria-expanded={open}
                  aria-label={t(open ? 'passports.tree.collapse' : 'passports.tree.expand', { name: groupLabel(group) })}
                  onClick={() =>
                    setCollapsed((c) => {
                      const next = new Set(c);
                      if (next.has(group.key)) next.delete(group.key);
                      else next.add(group.key);
                      return next;
                    })
                  }
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                </button>
                <button type="button" className="tree-node tree-node--group" aria-pressed={selected === group.key} onClick={() => onSelect(group.key)}>
                  {groupLabel(group)} <span className="tree-node__count">{formatNumber(group.lineCount, 0)}</span>
                </button>
              </div>
              {open ? (
                <ul className="plain-list element-tree__children">
                  {group.children.map((element) => (
                    <li key={element.key}>
                      <button type="button" className="tree-node" aria-pressed={selected === element.key} onClick={() => onSelect(element.key)}>
                        {element.label} <span className="tree-node__count">{formatNumber(element.lineCount, 0)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
