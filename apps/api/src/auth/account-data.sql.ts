/**
 * Every table that holds something about a person, in one place: the export reads these and the erasure rewrites
 * them. A feature that adds a table with personal data adds it here too (the account spec checks the export).
 * Each query takes the user id as $1 and answers camelCase rows.
 */
export const EXPORT_QUERIES: Record<string, string> = {
  ledger: `SELECT id, delta::float8 / 1000 AS delta, balance_after::float8 / 1000 AS "balanceAfter", kind,
                  reference_type AS "referenceType", reference_id AS "referenceId", note, created_at AS "createdAt"
             FROM credit_ledger WHERE user_id = $1 ORDER BY seq`,
  jobs: `SELECT id, tool_id AS "toolId", kind, status, prompt, input, output, error, cost::float8 / 1000 AS cost,
                cached, provider, model, template_id AS "templateId", created_at AS "createdAt",
                finished_at AS "finishedAt"
           FROM jobs WHERE user_id = $1 ORDER BY created_at`,
  templates: `SELECT id, tool_id AS "toolId", title, description, tags, template, variables, status, version,
                     published_at AS "publishedAt", created_at AS "createdAt", deleted_at AS "deletedAt"
                FROM prompt_templates WHERE creator_id = $1 ORDER BY created_at`,
  ratings: `SELECT template_id AS "templateId", stars, review, created_at AS "createdAt", updated_at AS "updatedAt"
              FROM prompt_ratings WHERE user_id = $1 ORDER BY created_at`,
  apiKeys: `SELECT id, name, prefix, scopes, daily_credit_cap::float8 / 1000 AS "dailyCreditCap",
                   last_used_at AS "lastUsedAt", revoked_at AS "revokedAt",
                   created_at AS "createdAt"
              FROM api_keys WHERE user_id = $1 ORDER BY created_at`,
  limits: `SELECT daily_cap::float8 / 1000 AS "dailyCreditCap", monthly_cap::float8 / 1000 AS "monthlyCreditCap",
                  low_balance_alert::float8 / 1000 AS "lowBalanceAlert"
             FROM credit_accounts WHERE user_id = $1`,
  adSessions: `SELECT id, tier, network, required_seconds AS "requiredSeconds", credits::float8 / 1000 AS credits,
                      status, client_address AS "clientAddress", started_at AS "startedAt",
                      completed_at AS "completedAt"
                 FROM ad_sessions WHERE user_id = $1 ORDER BY started_at`,
  checkouts: `SELECT id, plan_id AS "planId", provider, status, created_at AS "createdAt", completed_at AS "completedAt"
                FROM checkout_sessions WHERE user_id = $1 ORDER BY created_at`,
  sessions: `SELECT family_id AS "sessionId", min(created_at) AS "startedAt", max(created_at) AS "lastRefreshedAt",
                    bool_or(revoked_at IS NULL AND used_at IS NULL AND expires_at > now()) AS active
               FROM refresh_tokens WHERE user_id = $1 GROUP BY family_id ORDER BY min(created_at)`,
};

/**
 * Rewrites what identifies or was written by the person; keeps the rows that money and other users depend on
 * (ledger, holds, prompt runs, checkouts, the stars of ratings) so balances and marketplace sums stay true.
 * Each statement takes the user id as $1.
 */
export const ERASE_STATEMENTS: string[] = [
  // The placeholder address is unique and in a domain that cannot receive mail; '!erased' is no argon2 hash, so no
  // password matches it, and `banned` stops the access tokens still in flight (through the ban list).
  `UPDATE users SET email = 'deleted-' || id || '@deleted.invalid', display_name = 'Deleted user',
          password_hash = '!erased', email_verified = false, banned = true, deleted_at = now(), updated_at = now()
    WHERE id = $1`,
  `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
  `UPDATE api_keys SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
  `DELETE FROM account_tokens WHERE user_id = $1`,
  `DELETE FROM idempotency_keys WHERE user_id = $1`,
  `UPDATE jobs SET prompt = '', input = '{}'::jsonb, output = NULL, error = NULL, updated_at = now() WHERE user_id = $1`,
  `DELETE FROM prompt_template_versions WHERE template_id IN (SELECT id FROM prompt_templates WHERE creator_id = $1)`,
  `UPDATE prompt_templates SET status = 'draft', title = 'Deleted', description = '', tags = '{}', template = '',
          variables = '[]'::jsonb, published_at = NULL, deleted_at = coalesce(deleted_at, now()), updated_at = now()
    WHERE creator_id = $1`,
  `UPDATE prompt_ratings SET review = NULL WHERE user_id = $1`,
  `UPDATE ad_sessions SET client_address = '' WHERE user_id = $1`,
  `UPDATE ad_callbacks SET query = '' WHERE user_id = $1`,
  `DELETE FROM daily_reward_streaks WHERE user_id = $1`,
];
