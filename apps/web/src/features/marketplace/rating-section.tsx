import { useState } from 'react';
import { Button, Card, Divider, Group, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { PROMPT_LIMITS } from '@megicai/contracts';
import type { PromptTemplateView } from './marketplace-api';
import { problemMessage } from '../../api';
import { FormMessage, type FormMessageValue } from './form-message';
import { marketplaceApi, marketplaceKeys } from './marketplace-api';

/** The average, the reviews, and (for others than the creator) a form to rate: a second rating replaces the first. */
export function RatingSection({ template, canRate }: { template: PromptTemplateView; canRate: boolean }) {
  const queryClient = useQueryClient();
  const [stars, setStars] = useState(template.myRating?.stars ?? 0);
  const [review, setReview] = useState(template.myRating?.review ?? '');
  const [message, setMessage] = useState<FormMessageValue | null>(null);
  const [saving, setSaving] = useState(false);
  const reviews = useInfiniteQuery({
    queryKey: marketplaceKeys.ratings(template.id),
    queryFn: ({ pageParam, signal }) => marketplaceApi.ratings(template.id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const submit = async () => {
    if (stars < 1) {
      setMessage({ ok: false, text: 'Pick 1 to 5 stars.' });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      await marketplaceApi.rate(template.id, { stars, ...(review.trim() ? { review: review.trim() } : {}) });
      setMessage({ ok: true, text: 'Thanks, your rating is saved.' });
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
    } catch (error) {
      setMessage({ ok: false, text: problemMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="ratings-title">
      <Stack>
        <Title order={2} size="h3" id="ratings-title">
          Ratings and reviews
        </Title>
        <Group gap="xs">
          <Rating value={template.ratingAvg ?? 0} fractions={4} readOnly aria-hidden="true" />
          <Text data-testid="rating-summary">
            {template.ratingAvg === null
              ? 'No ratings yet'
              : `${template.ratingAvg.toFixed(1)} of 5 from ${template.ratingCount} ${template.ratingCount === 1 ? 'rating' : 'ratings'}`}
          </Text>
        </Group>
        {canRate ? (
          <form
            aria-label="Rate this template"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack gap="xs">
              <Text component="label" id="stars-label" size="sm" fw={500}>
                Your rating
              </Text>
              <Rating value={stars} onChange={setStars} aria-labelledby="stars-label" />
              <Textarea
                label="Review (optional)"
                value={review}
                onChange={(event) => setReview(event.currentTarget.value)}
                maxLength={PROMPT_LIMITS.review}
                autosize
                minRows={2}
              />
              <FormMessage message={message} />
              <Group>
                <Button type="submit" variant="light" loading={saving}>
                  {template.myRating ? 'Update rating' : 'Rate'}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        <Divider />
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            No reviews yet.
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((r) => (
              <li key={r.user.id}>
                <Group gap="xs">
                  <Rating value={r.stars} readOnly size="xs" aria-hidden="true" />
                  <Text size="sm" fw={500}>
                    {r.user.displayName}: {r.stars} of 5
                  </Text>
                </Group>
                {r.review ? <Text size="sm">{r.review}</Text> : null}
              </li>
            ))}
          </Stack>
        )}
        {reviews.hasNextPage ? (
          <Button variant="subtle" onClick={() => reviews.fetchNextPage()} loading={reviews.isFetchingNextPage}>
            More reviews
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}
