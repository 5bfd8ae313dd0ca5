import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ToolKind } from '@megicai/contracts';
import type { JobView, RunToolRequest } from './jobs-api';
import { isApiError, problemMessage } from '../../api';
import { refreshMe } from '../auth/use-me';
import { PAYMENT_CODES, type PaymentProblem } from '../tools/insufficient-credits';
import { jobKeys, jobsApi, streamRun } from './jobs-api';

/** What a run became: tokens arriving, a finished text job, or a queued media job to follow. */
export type RunOutcome =
  { kind: 'streaming'; text: string } | { kind: 'text'; job: JobView } | { kind: 'queued'; jobId: string };

export interface RunToolState {
  running: boolean;
  outcome: RunOutcome | null;
  /** A friendly message for any problem that is not a 402. */
  error: string | null;
  /** A 402 (`insufficient_credits` or `spend_cap_reached`) with its extension members. */
  payment: PaymentProblem | null;
  /** Field errors of a 400, by field path (`input.prompt`, `variables.tone`…). */
  fieldErrors: Record<string, string>;
}

const IDLE: RunToolState = { running: false, outcome: null, error: null, payment: null, fieldErrors: {} };

/**
 * One run of a tool, however it is started (tool page, template page, conversation): text runs stream their tokens,
 * media runs are queued and followed by job id; a 402 becomes `payment`, any other problem a friendly `error`.
 * Afterwards the balance, the history and the caps (under `credits`) are refetched.
 */
export function useRunTool(toolId: string, kind: ToolKind) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RunToolState>(IDLE);

  const run = useCallback(
    async (body: RunToolRequest) => {
      setState({ ...IDLE, running: true });
      const key = crypto.randomUUID();
      const settle = (patch: Partial<RunToolState>) => setState((s) => ({ ...s, ...patch }));
      try {
        if (kind === 'text') {
          let text = '';
          settle({ outcome: { kind: 'streaming', text } });
          const job = await streamRun(toolId, body, key, (token) => {
            text += token;
            settle({ outcome: { kind: 'streaming', text } });
          });
          settle({ outcome: { kind: 'text', job } });
        } else {
          const result = await jobsApi.run(toolId, body, key);
          settle({ outcome: { kind: 'queued', jobId: result.jobId } });
        }
      } catch (caught) {
        if (isApiError(caught) && PAYMENT_CODES.has(caught.code)) {
          settle({ outcome: null, payment: { ...(caught.problem as PaymentProblem), detail: caught.detail } });
        } else {
          settle({
            outcome: null,
            fieldErrors: isApiError(caught) ? caught.fieldErrors() : {},
            error: problemMessage(caught),
          });
        }
      } finally {
        settle({ running: false });
        await Promise.all([
          refreshMe(queryClient),
          queryClient.invalidateQueries({ queryKey: jobKeys.all }),
          queryClient.invalidateQueries({ queryKey: ['credits'] }),
          queryClient.invalidateQueries({ queryKey: ['marketplace'] }),
        ]);
      }
    },
    [toolId, kind, queryClient],
  );

  return { ...state, run };
}
