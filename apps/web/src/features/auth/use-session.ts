import { useSyncExternalStore } from 'react';
import { tokenStore } from '../../api/token-store';

/** True while this browser holds tokens; flips to false the moment the client drops a refused session. */
export function useHasSession(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.hasSession);
}
