import { matchRoute, usePathname } from './router';
import { FacilitatorConsole } from './views/FacilitatorConsole';
import { Join } from './views/Join';
import { Landing } from './views/Landing';
import { NotFound } from './views/NotFound';
import { Participant } from './views/Participant';
import { Researcher } from './views/Researcher';
import { Screen } from './views/Screen';

/** Picks the view for the current path; the `key` remounts a view (and its connections) when the workshop changes. */
export function App() {
  const route = matchRoute(usePathname());
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
