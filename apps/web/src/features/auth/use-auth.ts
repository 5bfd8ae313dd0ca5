import { useContext } from 'react';
import { AuthContext, type AuthContextValue } from './auth-context';

/** `{ status, user, isAdmin, login, register, logout }` of the current browser session. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs <AuthProvider> above it');
  return value;
}
