import { Navigate, Outlet, useSearchParams } from 'react-router';
import { useAuth } from './use-auth';
import { safeNext } from './safe-next';

/** /login and /register: a signed-in user has nothing to do there and goes on to `?next=` or home. */
export function GuestOnly() {
  const { status } = useAuth();
  const [params] = useSearchParams();
  if (status === 'authenticated') return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}
