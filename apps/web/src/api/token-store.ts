import { REFRESH_TOKEN_KEY } from './storage-keys';

/**
 * Where the tokens live. The access token stays in memory only (an XSS can't read it from storage, and it is
 * short-lived anyway); the refresh token sits in localStorage so that a reload or a new tab stays signed in.
 * Listeners hear every change, so the auth context re-renders when the client drops a dead session.
 */
type Listener = () => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

function readRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null; // storage disabled (some private modes): the session lasts as long as the tab
  }
}

let memoryRefreshToken: string | null = readRefreshToken();

export const tokenStore = {
  getAccessToken(): string | null {
    return accessToken;
  },

  /** Always re-read: another tab may have rotated the token since we last looked. */
  getRefreshToken(): string | null {
    return readRefreshToken() ?? memoryRefreshToken;
  },

  hasSession(): boolean {
    return tokenStore.getRefreshToken() !== null || accessToken !== null;
  },

  setTokens(tokens: { accessToken: string; refreshToken: string }): void {
    accessToken = tokens.accessToken;
    memoryRefreshToken = tokens.refreshToken;
    try {
      localStorage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    } catch {
      /* memory only, see readRefreshToken */
    }
    notify();
  },

  clear(): void {
    const had = tokenStore.hasSession();
    accessToken = null;
    memoryRefreshToken = null;
    try {
      localStorage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      /* nothing stored */
    }
    if (had) notify();
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Logging out in one tab logs out all of them; a token rotated by another tab is picked up on the next refresh.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== REFRESH_TOKEN_KEY) return;
    if (event.newValue === null) {
      accessToken = null;
      memoryRefreshToken = null;
      notify();
    } else {
      memoryRefreshToken = event.newValue;
    }
  });
}
