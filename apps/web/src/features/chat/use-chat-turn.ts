import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError, problemMessage } from '../../api';
import { refreshMe } from '../auth/use-me';
import { PAYMENT_CODES, type PaymentProblem } from '../tools/insufficient-credits';
import { jobKeys } from '../jobs/jobs-api';
import { chatApi, chatKeys } from './chat-api';

/** The turn in flight: the question sent and the answer's text so far. */
export interface PendingTurn {
  question: string;
  text: string;
}

/**
 * Sending one message of a conversation: streams the answer, Stop aborts it (the server then refunds the run and
 * marks the question failed, so it comes back with a Retry), and 402s become a payment problem shown by code.
 * `conversationFor` gives the conversation to post to (a new one is created on the first message).
 * Once the shared `useRunTool()` of features/jobs exists, its 402 and refresh handling can replace the catch below.
 */
export function useChatTurn(conversationFor: () => Promise<string>) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingTurn | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [payment, setPayment] = useState<PaymentProblem | null>(null);
  const [stopped, setStopped] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const refresh = async (id: string | null) => {
    await Promise.all([
      id ? queryClient.invalidateQueries({ queryKey: chatKeys.one(id) }) : null,
      queryClient.invalidateQueries({ queryKey: chatKeys.all }),
      refreshMe(queryClient),
      queryClient.invalidateQueries({ queryKey: jobKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['credits'] }),
    ]);
  };

  const send = async (content: string): Promise<void> => {
    setError(null);
    setPayment(null);
    setStopped(false);
    const controller = new AbortController();
    abort.current = controller;
    let id: string | null = null;
    let text = '';
    setPending({ question: content, text });
    try {
      id = await conversationFor();
      await chatApi.send(
        id,
        content,
        crypto.randomUUID(),
        (token) => {
          text += token;
          setPending({ question: content, text });
        },
        controller.signal,
      );
    } catch (caught) {
      if (controller.signal.aborted) setStopped(true);
      else if (isApiError(caught) && PAYMENT_CODES.has(caught.code))
        setPayment({ ...(caught.problem as PaymentProblem), detail: caught.detail });
      else if (isApiError(caught)) setError(problemMessage(caught));
      else setError('The answer could not be completed. Your credits were refunded; try again.');
    } finally {
      abort.current = null;
      await refresh(id);
      setPending(null);
      // A stopped run is refunded by the server once it sees the client gone: look again shortly.
      if (controller.signal.aborted && id) {
        const stoppedId = id;
        setTimeout(() => void refresh(stoppedId), 1000);
      }
    }
  };

  return { send, stop: () => abort.current?.abort(), pending, error, payment, stopped };
}
