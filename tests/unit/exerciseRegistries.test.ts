import { describe, expect, it } from 'vitest';
import { exerciseViews, loadExerciseDefinition } from '../../client/exercises/registry';
import { useConnectionStore } from '../../client/store/connectionStore';
import { registryGaps, serverExercise } from '../../server/exercises/registry';
import { EXERCISE_KINDS, exerciseFor, isExerciseKind, votableKinds } from '../../shared/exercises/registry';
import { programmeSchema, type ExerciseKind } from '../../shared/programme';
import { DEFAULT_PROGRAMME } from '../../shared/template';

// A kind that no registry lists, as a programme from an older or newer server could carry.
const UNKNOWN = 'chalkboard' as ExerciseKind;

describe('exercise registries: one list of kinds, every layer covers it, an unknown kind is refused', () => {
  it('derives the programme kinds from the shared registry, and the programme refuses any other kind', () => {
    expect(EXERCISE_KINDS.length).toBeGreaterThan(10);
    for (const k of EXERCISE_KINDS) expect(isExerciseKind(k)).toBe(true);
    expect(isExerciseKind(UNKNOWN)).toBe(false);
    expect(isExerciseKind('toString')).toBe(false);
    const first = DEFAULT_PROGRAMME[0]!;
    expect(programmeSchema.safeParse([{ ...first, kind: 'tree' }]).success).toBe(true);
    expect(programmeSchema.safeParse([{ ...first, kind: UNKNOWN }]).success).toBe(false);
  });

  it('throws for an unknown kind in the shared and server registries (never runs it as a note wall)', () => {
    expect(() => exerciseFor(UNKNOWN)).toThrow(/unknown exercise kind "chalkboard"/);
    // What an unknown kind puts to the vote: nothing (a console tab from before an upgrade must not fall over on it).
    expect(votableKinds(UNKNOWN)).toEqual([]);
    expect(() => serverExercise(UNKNOWN)).toThrow(/unknown exercise kind "chalkboard"/);
  });

  it('on a page whose code predates a kind: its views and definition fail to load, and the page asks to reload', async () => {
    expect(useConnectionStore.getState().outdated).toBe(false);
    expect(Object.keys(exerciseViews(UNKNOWN)).sort()).toEqual(['Console', 'Phone', 'Researcher', 'Screen']);
    await expect(loadExerciseDefinition(UNKNOWN)).rejects.toThrow(/unknown exercise kind "chalkboard" \(client\)/);
    expect(useConnectionStore.getState().outdated).toBe(true);
    useConnectionStore.setState({ outdated: false });
  });

  it('has every shared kind in the client registry, with the same shared definition', async () => {
    for (const k of EXERCISE_KINDS) {
      const views = exerciseViews(k);
      expect(Object.keys(views).sort()).toEqual(['Console', 'Phone', 'Researcher', 'Screen']);
      expect(await loadExerciseDefinition(k)).toBe(exerciseFor(k));
    }
  });

  it('has every shared kind in the server registry, with a handler for exactly the actions each declares', () => {
    for (const k of EXERCISE_KINDS) {
      const server = serverExercise(k);
      const declared = Object.keys(exerciseFor(k).actions ?? {}).sort();
      expect(Object.keys(server?.actions ?? {}).sort()).toEqual(declared);
      if (server) expect(server.kind).toBe(k);
    }
    expect(registryGaps()).toEqual([]);
  });

  it('names what would keep the server from starting: a missing handler, an undeclared one, a wrong kind', () => {
    const all = Object.fromEntries(EXERCISE_KINDS.map((k) => [k, serverExercise(k)])) as NonNullable<
      Parameters<typeof registryGaps>[0]
    >;
    const pitch = serverExercise('pitch')!;
    const [first, ...rest] = Object.keys(pitch.actions);
    const fewer = { ...pitch, actions: Object.fromEntries(rest.map((a) => [a, pitch.actions[a]!])) };
    expect(registryGaps({ ...all, pitch: fewer })).toEqual([`pitch.${first}: no server handler`]);
    expect(registryGaps({ ...all, noteWall: { kind: 'noteWall', actions: { stray: () => undefined } } })).toEqual([
      'noteWall.stray: handler for an undeclared action',
    ]);
    expect(registryGaps({ ...all, tree: { ...serverExercise('strengths')! } })).toEqual(
      expect.arrayContaining(["tree: its server entry is strengths's"]),
    );
  });

  it('votes only on item kinds the exercise itself defines', () => {
    const withDots = EXERCISE_KINDS.filter((k) => votableKinds(k).length > 0);
    expect(withDots).toEqual(expect.arrayContaining(['noteWall', 'opening', 'strengths', 'tree', 'framework']));
    for (const k of EXERCISE_KINDS)
      for (const item of votableKinds(k)) expect(Object.keys(exerciseFor(k).itemSchemas)).toContain(item);
    expect(votableKinds('closing')).toEqual([]);
  });
});
