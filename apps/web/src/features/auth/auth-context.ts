import { createContext } from 'react';
import type { LoginRequest, RegisterRequest, UserView } from '../../api/auth-api';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: AuthStatus;
  /** The signed-in user from `GET /me`, or null. */
  user: UserView | null;
  isAdmin: boolean;
  login(body: LoginRequest): Promise<UserView>;
  register(body: RegisterRequest): Promise<UserView>;
  logout(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
