import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { PROMPT_REPORT_REASONS, ProblemCode, type PromptReportReason } from '@megicai/contracts';
import { isApiError, problemMessage } from '../../api';
import { FormMessage, type FormMessageValue } from './form-message';
import { marketplaceApi } from './marketplace-api';

const REASON_LABELS: Record<PromptReportReason, string> = {
  spam: 'Spam or advertising',
  abuse: 'Abusive or harmful',
  copyright: 'Copyright infringement',
  other: 'Something else',
};
const REASONS = PROMPT_REPORT_REASONS.map((value) => ({ value, label: REASON_LABELS[value] }));

/** "Report" for someone else's template: a small dialog with a reason and an optional detail for the moderators. */
export function ReportButton({ templateId }: { templateId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<PromptReportReason | null>(null);
  const [detail, setDetail] = useState('');
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (!reason) {
      setMessage({ ok: false, text: 'Pick a reason.' });
      return;
    }
    setSending(true);
    setMessage(null);
    try {
      await marketplaceApi.report(templateId, { reason, ...(detail.trim() ? { detail: detail.trim() } : {}) });
      setMessage({ ok: true, text: "Thanks, we'll take a look." });
    } catch (error) {
      const already = isApiError(error) && error.code === ProblemCode.AlreadyReported;
      setMessage({ ok: false, text: already ? 'You already reported this template.' : problemMessage(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        Report
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Report this template">
        <form
          aria-label="Report this template"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Select
              label="Reason"
              placeholder="Pick one"
              data={REASONS}
              value={reason}
              onChange={(value) => setReason(value as PromptReportReason | null)}
              required
              allowDeselect={false}
            />
            <Textarea
              label="Details (optional)"
              value={detail}
              onChange={(event) => setDetail(event.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
            <FormMessage message={message} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Close
              </Button>
              <Button type="submit" loading={sending} disabled={message?.ok}>
                Send report
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
