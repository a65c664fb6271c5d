import { useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../../shared/contract/channels.js';
import { api, errorMessage } from '../../api/index.js';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

/** Calls a channel whenever its input (compared as JSON) or the case version changes; late answers are dropped. */
export function useInvoke<C extends ChannelName>(channel: C, input: ChannelInput<C>, version: number): Loaded<ChannelOutput<C>> {
  const [state, setState] = useState<Loaded<ChannelOutput<C>>>({ data: null, loading: true, error: null });
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.invoke(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => live && setState({ data, loading: false, error: null }),
      (err: unknown) => live && setState({ data: null, loading: false, error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [channel, key, version]);
  return state;
}
