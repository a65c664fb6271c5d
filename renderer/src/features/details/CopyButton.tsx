import { useState } from 'react';
import { copyText } from '../../lib/clipboard.js';

/** Copies text; falls back to a hidden textarea where the async clipboard is unavailable. */
export function CopyButton({ text, label = 'Copy', testId, role, ariaLabel }: { text: string; label?: string; testId?: string; role?: 'menuitem'; ariaLabel?: string }) {
  const [done, setDone] = useState<'ok' | 'fail' | null>(null);
  const copy = async () => {
    setDone((await copyText(text)) ? 'ok' : 'fail');
    setTimeout(() => setDone(null), 1500);
  };
  return (
    <button type="button" className="small" role={role} onClick={copy} data-testid={testId} aria-label={ariaLabel}>
      {done === 'ok' ? 'Copied' : done === 'fail' ? 'Copy failed' : label}
    </button>
  );
}
