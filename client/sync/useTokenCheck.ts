import { useEffect, useState } from 'react';
import type { WhoAmIResponse } from '../../shared/protocol';
import { api, ApiRequestError } from '../api';

/**
 * Asks the server who a token belongs to. Only a 401 counts as "invalid": a phone without network keeps working
 * offline on what it has.
 */
export function useTokenCheck(token: string | null): 'checking' | 'valid' | 'invalid' | 'unreachable' {
  const [state, setState] = useState<'checking' | 'valid' | 'invalid' | 'unreachable'>('checking');
  useEffect(() => {
    if (!token) return;
    let live = true;
    api<WhoAmIResponse>('/api/me', { token })
      .then(() => live && setState('valid'))
      .catch((err) => {
        if (!live) return;
        setState(err instanceof ApiRequestError && err.status === 401 ? 'invalid' : 'unreachable');
      });
    return () => {
      live = false;
    };
  }, [token]);
  return token ? state : 'invalid';
}
