import { useSyncExternalStore } from 'react';

/** Fired on client-side navigation, since pushState does not fire popstate. */
const NAVIGATE_EVENT = 'werkplaats:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current pathname, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Client-side navigation to a same-origin path (may include a search and a fragment). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type Route =
  | { view: 'landing' }
  | { view: 'join'; code: string | null }
  | { view: 'participant'; workshopId: string }
  | { view: 'facilitator'; workshopId: string }
  | { view: 'screen'; workshopId: string }
  | { view: 'researcher'; workshopId: string }
  | { view: 'notFound' };

const ID = '([A-Za-z0-9_-]{1,40})';

/** Maps a pathname to a view; the links' shapes are fixed by the server's contract. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { view: 'landing' };
  if (path === '/j') return { view: 'join', code: null };
  let m = /^\/j\/([A-Za-z0-9 -]{1,20})$/.exec(path);
  if (m) return { view: 'join', code: decodeURIComponent(m[1] ?? '') };
  m = new RegExp(`^/([pfsr])/${ID}$`).exec(path);
  if (m) {
    const workshopId = m[2] ?? '';
    const view = ({ p: 'participant', f: 'facilitator', s: 'screen', r: 'researcher' } as const)[
      m[1] as 'p' | 'f' | 's' | 'r'
    ];
    return { view, workshopId };
  }
  return { view: 'notFound' };
}

/** The access token carried in the URL fragment (never sent to the server by the browser). */
export const tokenFromHash = (): string => decodeURIComponent(window.location.hash.replace(/^#/, ''));
