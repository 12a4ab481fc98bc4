import { useRef } from 'react';
import { downloadPng, downloadSvg, treeFileName } from './exportTree';
import { useTreeT } from './i18n';
import { TreeSvg } from './TreeSvg';
import type { TreeItemView } from './useTree';

/** A group's tree with its SVG and PNG download buttons (console and researcher). */
export function ExportableTree({ name, items }: { name: string; items: TreeItemView[] }) {
  const t = useTreeT();
  const ref = useRef<SVGSVGElement>(null);
  const title = t('treeOf', { name });
  return (
    <figure className="tree-figure" data-testid="tree-figure" data-group-name={name}>
      <TreeSvg ref={ref} title={title} items={items} moreLabel={(count) => t('more', { count })} />
      <figcaption className="button-row">
        <button
          type="button"
          className="button button--small"
          aria-label={t('exportTree', { name, format: 'SVG' })}
          onClick={() => ref.current && downloadSvg(ref.current, treeFileName(name))}
          data-testid="tree-export-svg"
        >
          {t('exportSvg')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={t('exportTree', { name, format: 'PNG' })}
          onClick={() => ref.current && void downloadPng(ref.current, treeFileName(name))}
          data-testid="tree-export-png"
        >
          {t('exportPng')}
        </button>
      </figcaption>
    </figure>
  );
}
