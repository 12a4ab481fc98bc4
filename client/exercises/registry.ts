import type { ComponentType } from 'react';
import type { ExerciseDefinition } from '../../shared/exercises/types';
import type { ExerciseKind } from '../../shared/programme';
import { ViewLoadError } from '../components/ViewLoadBoundary';
import { frameworkViews } from './framework';
import { noteWallViews } from './noteWall';
import { pitchViews } from './pitch';
import { prejudiceGameViews } from './prejudiceGame';
import { strengthsViews } from './strengths';
import { treeViews } from './tree';
import { actionPlanViews } from './actionPlan';
import { closingViews } from './closing';
import { consultViews } from './consult';
import { roleMarketViews } from './roleMarket';
import { visionViews } from './vision';
import { lazyView } from './lazyView';
import { loadOnce, type LoadOnce } from './loadOnce';
import type { ExerciseViewLoaders, ExerciseViews, Surface, SurfaceProps } from './types';

/** Every exercise's views. Kinds not listed run as a note wall until their module lands (as in shared/). */
const VIEWS: Partial<Record<ExerciseKind, ExerciseViewLoaders>> = {
  noteWall: noteWallViews,
  pitch: pitchViews,
  framework: frameworkViews,
  strengths: strengthsViews,
  tree: treeViews,
  prejudiceGame: prejudiceGameViews,
  roleMarket: roleMarketViews,
  consult: consultViews,
  actionPlan: actionPlanViews,
  vision: visionViews,
  closing: closingViews,
};

type SurfaceLoaders = { [S in Surface]: () => Promise<ComponentType<SurfaceProps[S]>> };
type Loaders = { [S in Surface]: LoadOnce<ComponentType<SurfaceProps[S]>> };
const loaders = new Map<ExerciseKind, Loaders>();
const views = new Map<ExerciseKind, ExerciseViews>();

function loadersOf(kind: ExerciseKind): Loaders {
  let l = loaders.get(kind);
  if (!l) {
    const source: SurfaceLoaders = VIEWS[kind] ?? noteWallViews;
    const once = <S extends Surface>(surface: S) => {
      const view: LoadOnce<ComponentType<SurfaceProps[S]>> = loadOnce(() =>
        source[surface]().catch((cause: unknown) => {
          throw new ViewLoadError(`${kind} ${surface}`, cause, view.retry);
        }),
      );
      return view;
    };
    l = { Phone: once('Phone'), Screen: once('Screen'), Console: once('Console'), Researcher: once('Researcher') };
    loaders.set(kind, l);
  }
  return l;
}

/** An exercise's four surfaces; each downloads its code on first render (the same components on every call). */
export function exerciseViews(kind: ExerciseKind): ExerciseViews {
  let v = views.get(kind);
  if (!v) {
    const l = loadersOf(kind);
    v = {
      Phone: lazyView(l.Phone.get),
      Screen: lazyView(l.Screen.get),
      Console: lazyView(l.Console.get),
      Researcher: lazyView(l.Researcher.get),
    };
    views.set(kind, v);
  }
  return v;
}

/**
 * Downloads a surface's code before its first render (again, if an earlier try failed); settles (never rejects) when
 * it has arrived or failed.
 */
export function preloadExerciseView(kind: ExerciseKind, surface: Surface): Promise<void> {
  const load = loadersOf(kind)[surface];
  load.retry();
  return load.get().then(
    () => undefined,
    () => undefined,
  );
}

/** The item kinds a dot vote is on in a session of this kind (none: the console offers no vote there). */
export const votableKinds = (kind: ExerciseKind | undefined): readonly string[] =>
  (kind ? (VIEWS[kind] ?? noteWallViews) : undefined)?.votable ?? [];

/** An exercise's shared definition (its phases' names), loaded on demand; a kind without a module is a note wall. */
export const loadExerciseDefinition = (kind: ExerciseKind): Promise<ExerciseDefinition> =>
  (VIEWS[kind] ?? noteWallViews).definition();
