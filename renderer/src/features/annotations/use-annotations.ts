import { useCallback, useEffect, useState } from 'react';
import type { EventAnnotations } from '../../../../shared/contract/annotations.js';
import type { ChannelInput } from '../../../../shared/contract/channels.js';
import { api, errorMessage } from '../../api/index.js';
import { refreshTags } from './tag-store.js';

type Change =
  | ['annotations:star', ChannelInput<'annotations:star'>]
  | ['annotations:tag', ChannelInput<'annotations:tag'>]
  | ['annotations:untag', ChannelInput<'annotations:untag'>]
  | ['annotations:comment', ChannelInput<'annotations:comment'>]
  | ['annotations:comment-edit', ChannelInput<'annotations:comment-edit'>]
  | ['annotations:comment-delete', ChannelInput<'annotations:comment-delete'>];

export interface AnnotationsState {
  data: EventAnnotations | null;
  error: string | null;
  busy: boolean;
  /** Runs one change; resolves true when it was stored. */
  change: (...c: Change) => Promise<boolean>;
}

/** One event's star, tags and comments, and the changes the details pane makes to them. */
export function useAnnotations(eventId: string): AnnotationsState {
  const [data, setData] = useState<EventAnnotations | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    const load = () =>
      api.invoke('annotations:get', { eventId }).then(
        (a) => live && setData(a),
        (err: unknown) => live && setError(errorMessage(err)),
      );
    void load();
    // A tag renamed or deleted elsewhere (the tag editor, another window) changes this event's chips too.
    const off = api.on('case:changed', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [eventId]);
  const change = useCallback(async (...[channel, input]: Change) => {
    setBusy(true);
    setError(null);
    try {
      setData(await api.invoke(channel, input as never));
      if (channel === 'annotations:tag' || channel === 'annotations:untag') void refreshTags();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { data, error, busy, change };
}
