import { PlaceholderPage } from '../components/placeholder-page';

export function CreditsPage() {
  return <PlaceholderPage title="Credits" lead="Your balance, history, ads, daily reward and referrals." />;
}
