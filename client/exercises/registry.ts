import type { ComponentType } from 'react';
import type { ExerciseDefinition } from '../../shared/exercises/types';
import type { ExerciseKind } from '../../shared/programme';
import { ViewLoadError } from '../components/ViewLoadBoundary';
import { useConnectionStore } from '../store/connectionStore';
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

/**
 * Every exercise kind's views: one line per kind of `shared/exercises/registry.ts` (a missing kind fails the
 * typecheck).
 */
const VIEWS: Record<ExerciseKind, ExerciseViewLoaders> = {
  opening: noteWallViews,
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

/**
 * A kind this page's code does not know comes from a newer server's programme: its views and definition fail to load
 * (the view's boundary says so) and the page asks to be reloaded. It never shows another exercise instead.
 */
function viewsOf(kind: ExerciseKind): ExerciseViewLoaders {
  if (Object.hasOwn(VIEWS, kind)) return VIEWS[kind];
  const refuse = () =>
    Promise.resolve().then(() => {
      useConnectionStore.setState({ outdated: true });
      throw new Error(`unknown exercise kind "${String(kind)}" (client)`);
    });
  return { Phone: refuse, Screen: refuse, Console: refuse, Researcher: refuse, definition: refuse };
}

type Loaders = { [S in Surface]: LoadOnce<ComponentType<SurfaceProps[S]>> };
const loaders = new Map<ExerciseKind, Loaders>();
const views = new Map<ExerciseKind, ExerciseViews>();

function loadersOf(kind: ExerciseKind): Loaders {
  let l = loaders.get(kind);
  if (!l) {
    const source: SurfaceLoaders = viewsOf(kind);
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

/** An exercise's shared definition (phase names, votable item kinds), loaded on demand, not with the shell. */
export const loadExerciseDefinition = (kind: ExerciseKind): Promise<ExerciseDefinition> => viewsOf(kind).definition();
