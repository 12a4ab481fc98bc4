import { lazy, Suspense } from 'react';
import { matchRoute, usePathname } from './router';
import { Join } from './views/Join';
import { NotFound } from './views/NotFound';
import { Participant } from './views/Participant';

// Staff views (and the landing page, where workshops are created) load on demand, so a phone on poor Wi-Fi downloads
// only what a participant needs.
const Landing = lazy(() => import('./views/Landing').then((m) => ({ default: m.Landing })));
const FacilitatorConsole = lazy(() =>
  import('./views/FacilitatorConsole').then((m) => ({ default: m.FacilitatorConsole })),
);
const Screen = lazy(() => import('./views/Screen').then((m) => ({ default: m.Screen })));
const Researcher = lazy(() => import('./views/Researcher').then((m) => ({ default: m.Researcher })));

function RoutedView() {
  const route = matchRoute(usePathname());
  // The `key` remounts a view (and its connections) when the workshop changes.
  switch (route.view) {
    case 'landing':
      return <Landing />;
    case 'join':
      return <Join key={route.code ?? ''} code={route.code} />;
    case 'participant':
      return <Participant key={route.workshopId} workshopId={route.workshopId} />;
    case 'facilitator':
      return <FacilitatorConsole key={route.workshopId} workshopId={route.workshopId} />;
    case 'screen':
      return <Screen key={route.workshopId} workshopId={route.workshopId} />;
    case 'researcher':
      return <Researcher key={route.workshopId} workshopId={route.workshopId} />;
    case 'notFound':
      return <NotFound />;
  }
}

/** Picks the view for the current path. */
export function App() {
  return (
    <Suspense fallback={null}>
      <RoutedView />
    </Suspense>
  );
}
