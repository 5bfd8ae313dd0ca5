import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ad waterfall (issue 15): extra durations per tier that pay more per minute, the admin-editable network order,
 * one impression row per network tried (fill or no-fill, estimated revenue), the `engaged` flag of interactive
 * house creatives, and one seeded interactive creative ("tap to reveal"), served from
 * `/api/v1/ads/creatives/:id/frame` into a sandboxed iframe.
 */
export class AdsWaterfall1764087000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ad_tier_options (
        tier varchar NOT NULL REFERENCES ad_tiers(tier) ON DELETE CASCADE,
        seconds int NOT NULL CHECK (seconds > 0),
        credits bigint NOT NULL CHECK (credits > 0),
        PRIMARY KEY (tier, seconds)
      )`);
    // Faster than linear: 30 s → 2 (4/min) next to the text tier's 60 s → 5; 4 min → 24 and 5 min → 30 (6/min).
    await q.query(`INSERT INTO ad_tier_options (tier, seconds, credits) VALUES
      ('text', 30, 2000), ('image', 240, 24000), ('video', 300, 30000)`);
    await q.query(`
      CREATE TABLE ad_settings (
        key varchar PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE ad_creatives ADD COLUMN interactive boolean NOT NULL DEFAULT false`);
    await q.query(`
      ALTER TABLE ad_sessions
        ADD COLUMN networks jsonb NOT NULL DEFAULT '["house"]',
        ADD COLUMN needs_engagement boolean NOT NULL DEFAULT false,
        ADD COLUMN engaged_at timestamptz`);
    await q.query(`
      CREATE TABLE ad_impressions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES ad_sessions(id) ON DELETE CASCADE,
        network varchar NOT NULL,
        creative_id varchar,
        seconds int NOT NULL,
        filled boolean NOT NULL,
        revenue_micro_usd bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ad_impressions_once_key UNIQUE (session_id, network)
      )`);
    await q.query(`CREATE INDEX ad_impressions_created_idx ON ad_impressions (created_at)`);
    await q.query(
      `INSERT INTO ad_creatives (kind, title, src, click_url, seconds, interactive) VALUES ('html', $1, $2, $3, 30, true)`,
      [REVEAL_TITLE, REVEAL_HTML, 'https://megicai.example/tools'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM ad_creatives WHERE interactive`);
    await q.query(`DROP TABLE ad_impressions`);
    await q.query(`ALTER TABLE ad_sessions DROP COLUMN networks, DROP COLUMN needs_engagement, DROP COLUMN engaged_at`);
    await q.query(`ALTER TABLE ad_creatives DROP COLUMN interactive`);
    await q.query(`DROP TABLE ad_settings`);
    await q.query(`DROP TABLE ad_tier_options`);
  }
}

const REVEAL_TITLE = 'MegicAI: tap to reveal';

/**
 * Frozen with this migration. The frame's CSP allows only its own nonce'd inline script (the server adds the nonce to
 * `<script>`), so the creative cannot load anything. It reports `seen` after a second in a visible tab, and `engaged`
 * once tapped; the parent checks the message comes from this iframe.
 */
const REVEAL_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${REVEAL_TITLE}</title><style>
body{margin:0;height:100vh;display:grid;place-items:center;font-family:sans-serif;background:#1e3a8a;color:#fff;text-align:center}
button{font:inherit;font-size:1.2rem;padding:.8rem 1.4rem;border:0;border-radius:.6rem;background:#fbbf24;color:#111;cursor:pointer}
#answer{display:none;font-size:1.4rem}#answer.shown{display:block}
</style></head><body><main><p>How many AI tools does one ad unlock?</p>
<button id="reveal" type="button">Tap to reveal</button><p id="answer">All of them: text, image, audio and video.</p></main>
<script>
(function () {
  var post = function (event) { parent.postMessage({ source: 'megicai-ad', event: event }, '*'); };
  var seenFor = 0;
  var timer = setInterval(function () {
    if (document.visibilityState !== 'visible') { seenFor = 0; return; }
    seenFor += 250;
    if (seenFor >= 1000) { clearInterval(timer); post('seen'); }
  }, 250);
  document.getElementById('reveal').addEventListener('click', function () {
    document.getElementById('answer').className = 'shown';
    this.style.display = 'none';
    if (document.visibilityState === 'visible') post('engaged');
  });
})();
</script></body></html>`;
