import { Suspense, use, type ComponentType } from 'react';
import { ViewLoadBoundary, ViewLoading } from '../components/ViewLoadBoundary';
import type { TrackedPromise } from './loadOnce';

/**
 * A component that renders the view `load` resolves to, downloading it on first render. Once loaded it renders at
 * once (also after a preload), so a session change does not flash the loading state; a failed download offers a retry.
 */
export function lazyView<P extends object>(load: () => TrackedPromise<ComponentType<P>>): ComponentType<P> {
  function Loaded(props: P) {
    const View = use(load());
    return <View {...props} />;
  }
  return function LazyView(props: P) {
    return (
      <ViewLoadBoundary>
        <Suspense fallback={<ViewLoading />}>
          <Loaded {...props} />
        </Suspense>
      </ViewLoadBoundary>
    );
  };
}
