import { PlaceholderPage } from '../components/placeholder-page';

export function MarketplacePage() {
  return (
    <PlaceholderPage title="Marketplace" lead="Prompt templates from the community; creators earn 2% of each run." />
  );
}
