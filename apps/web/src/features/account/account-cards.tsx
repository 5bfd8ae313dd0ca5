import { DataCard } from './data-card';
import { PasswordCard } from './password-card';
import { ProfileCard } from './profile-card';

/** The account feature's sections of the Account page, in order: profile, password and sessions, your data. */
export function AccountCards() {
  return (
    <>
      <ProfileCard />
      <PasswordCard />
      <DataCard />
    </>
  );
}
