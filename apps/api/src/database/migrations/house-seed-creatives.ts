/**
 * House creatives shipped with the schema so ads work on a fresh machine with no network: tiny SVG images (data URLs)
 * and self-contained HTML (rendered in a sandboxed iframe). Frozen with the migration that seeds them.
 */
function svg(title: string, subtitle: string, from: string, to: string): string {
  const markup =
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/>` +
    `<stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/>` +
    `<text x="40" y="170" font-family="sans-serif" font-size="44" font-weight="700" fill="#fff">${title}</text>` +
    `<text x="40" y="220" font-family="sans-serif" font-size="24" fill="#fff">${subtitle}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(markup).toString('base64')}`;
}

function html(title: string, body: string, color: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>` +
    `body{margin:0;height:100vh;display:grid;place-items:center;font-family:sans-serif;background:${color};color:#fff}` +
    `h1{animation:pulse 2s ease-in-out infinite}@keyframes pulse{50%{transform:scale(1.08)}}` +
    `</style></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`
  );
}

export const HOUSE_SEED_CREATIVES = [
  {
    kind: 'image',
    title: 'MegicAI Premium',
    src: svg('MegicAI Premium', 'No ads, more credits, premium-only tools.', '#6d28d9', '#db2777'),
    clickUrl: 'https://megicai.example/premium',
    seconds: 20,
  },
  {
    kind: 'image',
    title: 'Prompt marketplace',
    src: svg('Prompt marketplace', 'Publish a template, earn 2% of every run.', '#0369a1', '#059669'),
    clickUrl: 'https://megicai.example/marketplace',
    seconds: 20,
  },
  {
    kind: 'html',
    title: 'Invite a friend',
    src: html('Invite a friend', 'You both earn a referral bonus after their first ad.', '#b45309'),
    clickUrl: 'https://megicai.example/credits',
    seconds: 30,
  },
  {
    kind: 'html',
    title: 'Daily reward',
    src: html('Come back tomorrow', 'Your daily reward grows with your streak.', '#be123c'),
    clickUrl: 'https://megicai.example/credits',
    seconds: 30,
  },
] as const;
