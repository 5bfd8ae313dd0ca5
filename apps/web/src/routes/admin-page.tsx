import { PlaceholderPage } from '../components/placeholder-page';

export function AdminPage() {
  return <PlaceholderPage title="Admin" lead="Analytics, users, tools, ad tiers, moderation and queues." />;
}
