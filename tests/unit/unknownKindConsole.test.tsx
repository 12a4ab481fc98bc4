import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AgendaState } from '../../shared/controlDoc';
import { votableKinds } from '../../shared/exercises/registry';
import type { ExerciseKind } from '../../shared/exercises/registry';
import type { Session } from '../../shared/programme';
import { ToolkitPanel } from '../../client/views/console/ToolkitPanel';

/**
 * A console tab left open across a server upgrade meets a programme with an exercise kind its code does not know. Its
 * exercise view asks for a reload (client/exercises/registry.ts); the toolkit panel beside it must not take the whole
 * console down with it: it keeps ready, hands and the dot vote, without phases, and nothing is put to the vote.
 */
describe('the console with an exercise kind from a newer server', () => {
  const session = { id: 's-new', kind: 'futureExercise', title: { nl: 'Nieuw', en: 'New' } } as unknown as Session;

  it('puts nothing to the vote in a kind it does not know', () => {
    expect(votableKinds('futureExercise' as ExerciseKind)).toEqual([]);
    expect(votableKinds('noteWall')).not.toEqual([]);
  });

  it('renders the toolkit panel, without phase buttons', () => {
    const state = { currentSessionId: 's-new', locked: false, phase: 'write', ready: [] } as unknown as AgendaState;
    const html = renderToString(<ToolkitPanel session={session} state={state} groups={[]} participants={[]} />);
    expect(html).toContain('data-testid="toolkit-panel"');
    expect(html).not.toContain('data-testid="phase-');
  });
});
