import { PlaceholderPage } from '../components/placeholder-page';

export function ToolsPage() {
  return <PlaceholderPage title="Tools" lead="Run AI tools for text, images, audio and video with your credits." />;
}
