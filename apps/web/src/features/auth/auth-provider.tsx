import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { Role } from '@megicai/contracts';
import type { LoginRequest, RegisterRequest, UserView } from '../../api/auth-api';
import { authApi } from '../../api/auth-api';
import { onSessionExpired } from '../../api/megicai';
import { AuthContext, type AuthContextValue, type AuthStatus } from './auth-context';
import { ME_QUERY_KEY, useMe } from './use-me';
import { useHasSession } from './use-session';

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const hasSession = useHasSession();
  const me = useMe();

  // When the session ends (logout, a refused refresh, logout in another tab) nothing of that user may stay cached.
  const hadSession = useRef(hasSession);
  useEffect(() => {
    if (hadSession.current && !hasSession) queryClient.clear();
    hadSession.current = hasSession;
  }, [hasSession, queryClient]);

  useEffect(
    () =>
      onSessionExpired(() =>
        notifications.show({
          id: 'session-expired',
          color: 'yellow',
          title: 'Signed out',
          message: 'Your session has ended. Please log in again.',
        }),
      ),
    [],
  );

  const login = useCallback(
    async (body: LoginRequest): Promise<UserView> => {
      const { user } = await authApi.login(body);
      queryClient.setQueryData(ME_QUERY_KEY, user);
      return user;
    },
    [queryClient],
  );

  const register = useCallback(
    async (body: RegisterRequest): Promise<UserView> => {
      const { user } = await authApi.register(body);
      queryClient.setQueryData(ME_QUERY_KEY, user);
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async (): Promise<void> => {
    await authApi.logout();
    queryClient.clear();
  }, [queryClient]);

  const user = hasSession ? (me.data ?? null) : null;
  let status: AuthStatus;
  if (!hasSession) status = 'anonymous';
  else if (user) status = 'authenticated';
  else status = 'loading';

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, isAdmin: user?.role === Role.Admin, login, register, logout }),
    [status, user, login, register, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
