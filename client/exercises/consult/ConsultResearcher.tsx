import { useControlStore } from '../../store/controlStore';
import { ResearcherBar } from '../dayTwo/ResearcherBar';
import { useFollowedGroup } from '../dayTwo/useWorkspace';
import type { ResearcherProps } from '../types';
import { ConsultThread } from './ConsultThread';
import { Takeaways } from './Takeaways';
import { useConsult } from './useConsult';
import '../dayTwo/dayTwo.css';

/** The followed cooperation's consults (as host and as visitor) and what it takes with it. */
export function ConsultResearcher({ session, groupId }: ResearcherProps) {
  const followed = useFollowedGroup(groupId);
  const groups = useControlStore((s) => s.groups).filter((g) => !followed || g.id === followed);
  const c = useConsult(session);
  return (
    <div className="daytwo-stack" data-testid="consult-researcher">
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
          {c.rounds.flatMap((r) =>
            r.consults
              .filter((k) => k.hostId === g.id || k.visitorIds.includes(g.id))
              .map((k) => (
                <ConsultThread
                  key={`${r.round}-${k.hostId}`}
                  sessionId={session.id}
                  round={r.round}
                  roundId={r.id}
                  hostId={k.hostId}
                />
              )),
          )}
          <Takeaways sessionId={session.id} groupId={g.id} rounds={c.rounds} />
        </section>
      ))}
    </div>
  );
}
