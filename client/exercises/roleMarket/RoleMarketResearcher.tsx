import { useControlStore } from '../../store/controlStore';
import { ResearcherBar } from '../dayTwo/ResearcherBar';
import { useFollowedGroup } from '../dayTwo/useWorkspace';
import type { ResearcherProps } from '../types';
import { PickObservations } from './PickObservations';
import { RoleGrid } from './RoleGrid';
import { useRoleMarket } from './useRoleMarket';
import '../dayTwo/dayTwo.css';
import './roleMarket.css';

/** The followed cooperation's grid (or every cooperation's), with observation notes per pick. */
export function RoleMarketResearcher({ session, groupId }: ResearcherProps) {
  const followed = useFollowedGroup(groupId);
  const groups = useControlStore((s) => s.groups).filter((g) => !followed || g.id === followed);
  const { cards, picks } = useRoleMarket(session);
  return (
    <div className="daytwo-stack" data-testid="rolemarket-researcher">
      <ResearcherBar />
      {groups.map((g) => (
        <section
          key={g.id}
          className="daytwo-card"
          aria-label={g.name}
          data-testid="researcher-group-section"
          data-group-name={g.name}
        >
          <h3>{g.name}</h3>
          <RoleGrid
            groupId={g.id}
            picks={picks.filter((p) => p.groupId === g.id)}
            cards={cards}
            renderPick={(p) => <PickObservations pick={p} sessionId={session.id} />}
          />
        </section>
      ))}
    </div>
  );
}
