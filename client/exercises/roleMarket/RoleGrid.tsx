import { useMemo } from 'react';
import { roleGrid, type RolePick } from '../../../shared/exercises/roleMarket';
import type { RoleCard } from '../../../shared/catalogue/roles';
import { localise, useLang } from '../../i18n/i18n';
import { useMembers, useNames } from '../dayTwo/useWorkspace';
import { useRoleMarketT } from './i18n';

/** A cooperation's picks as people × roles, each cell the picks with their reasons; `renderPick` adds extras. */
export function RoleGrid({
  groupId,
  picks,
  cards,
  renderPick,
}: {
  groupId: string | null;
  picks: RolePick[];
  cards: RoleCard[];
  renderPick?: (p: RolePick) => React.ReactNode;
}) {
  const t = useRoleMarketT();
  const lang = useLang();
  const names = useNames();
  const members = useMembers(groupId);
  const grid = useMemo(
    () =>
      roleGrid(
        picks,
        members.map((m) => m.id),
        cards,
      ),
    [picks, members, cards],
  );
  if (picks.length === 0) return <p className="muted">{t('gridEmpty')}</p>;
  return (
    <div className="daytwo-scroll">
      <table className="daytwo-table" data-testid="role-grid">
        <thead>
          <tr>
            <th scope="col">{t('who')}</th>
            {grid.columns.map((c) => (
              <th scope="col" key={c.id}>
                {localise(c.name, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.key} data-testid="role-grid-row">
              <th scope="row">{row.memberId ? names.person(row.memberId) : row.party}</th>
              {grid.columns.map((c) => (
                <td key={c.id}>
                  {grid.cell(row, c.id).map((p) => (
                    <div key={p.id} className="rolemarket-cell" data-testid="role-grid-pick">
                      <p>{p.why}</p>
                      <p className="muted">{t('pickedBy', { name: names.person(p.authorId) })}</p>
                      {renderPick?.(p)}
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
