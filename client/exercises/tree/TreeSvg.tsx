import { forwardRef } from 'react';
import { TREE_ZONE_INFO, TREE_ZONES, type TreeZone } from '../../../shared/exercises/tree/zones';
import { localise, useLang } from '../../i18n/i18n';
import type { TreeItemView } from './useTree';

/** Where each zone's list is drawn in the 600×500 picture, and how many lines fit. */
const LAYOUT: Record<TreeZone, { x: number; y: number; max: number; chars: number; colour: string }> = {
  apples: { x: 140, y: 92, max: 7, chars: 30, colour: '#a3161a' },
  wateringCan: { x: 12, y: 324, max: 2, chars: 24, colour: '#143a68' },
  lubricant: { x: 336, y: 324, max: 2, chars: 24, colour: '#5c4400' },
  roots: { x: 30, y: 428, max: 3, chars: 50, colour: '#4a2f12' },
};

const LINE = 23;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The tree of cooperation as an SVG illustration: apples in the crown, roots under the ground, the watering can on
 * the left and the lubricant on the right, each listing its notes. Self-contained (inline styles), so it exports.
 */
export const TreeSvg = forwardRef<
  SVGSVGElement,
  { title: string; items: TreeItemView[]; moreLabel: (n: number) => string }
>(function TreeSvg({ title, items, moreLabel }, ref) {
  const lang = useLang();
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 600 500"
      role="img"
      aria-label={title}
      className="tree-svg"
      data-testid="tree-svg"
      fontFamily="system-ui, sans-serif"
    >
      <title>{title}</title>
      <rect width="600" height="500" fill="#fbfaf6" />
      <text x="300" y="24" textAnchor="middle" fontSize="24" fontWeight="700" fill="#111418">
        {title}
      </text>
      {/* Crown, trunk, ground, roots. */}
      <ellipse cx="300" cy="160" rx="200" ry="125" fill="#cfe8c4" stroke="#1c6b38" strokeWidth="4" />
      <rect x="282" y="280" width="36" height="100" fill="#7a5230" />
      <line x1="0" y1="380" x2="600" y2="380" stroke="#4a2f12" strokeWidth="3" />
      <rect x="0" y="381" width="600" height="119" fill="#efe4d3" />
      <path
        d="M300 380 C 270 392, 220 396, 180 398 M300 380 C 330 392, 380 396, 420 398 M300 380 L 300 400"
        stroke="#7a5230"
        strokeWidth="5"
        fill="none"
      />
      {/* Watering can (left) and oil can (right). */}
      <g transform="translate(30 232)" fill="#1d4e89">
        <rect x="0" y="14" width="54" height="36" rx="6" />
        <path d="M54 22 L 84 6 L 88 12 L 58 34 Z" />
        <path d="M8 14 C 10 0, 44 0, 46 14" fill="none" stroke="#1d4e89" strokeWidth="5" />
      </g>
      <g transform="translate(490 236)" fill="#b8860b">
        <ellipse cx="26" cy="32" rx="26" ry="18" />
        <path d="M46 26 L 84 10 L 86 16 L 50 36 Z" />
        <rect x="18" y="6" width="14" height="10" />
      </g>
      {TREE_ZONES.map((zone) => {
        const l = LAYOUT[zone];
        const list = items.filter((i) => i.zone === zone);
        const shown = list.slice(0, l.max);
        return (
          <g key={zone} data-zone={zone}>
            <text x={l.x} y={l.y - 26} fontSize="19" fontWeight="700" fill={l.colour}>
              {localise(TREE_ZONE_INFO[zone].name, lang)}
            </text>
            {shown.map((item, n) => (
              <text key={item.id} x={l.x} y={l.y + n * LINE} fontSize="19" fill="#111418" data-testid="tree-svg-item">
                {zone === 'apples' ? '● ' : '· '}
                {item.linkNo ? `[${item.linkNo}] ` : ''}
                {clip(item.text, l.chars)}
              </text>
            ))}
            {list.length > l.max && (
              <text x={l.x} y={l.y + l.max * LINE} fontSize="17" fill="#3d4550">
                {moreLabel(list.length - l.max)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
});
