import { useState } from 'react';

/** Copies text; falls back to a hidden textarea where the async clipboard is unavailable. */
export function CopyButton({ text, label = 'Copy', testId, role, ariaLabel }: { text: string; label?: string; testId?: string; role?: 'menuitem'; ariaLabel?: string }) {
  const [done, setDone] = useState<'ok' | 'fail' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('ok');
    } catch {
      const ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      document.body.appendChild(ta);
      ta.select();
      const ok = document.execCommand('copy');
      ta.remove();
      setDone(ok ? 'ok' : 'fail');
    }
    setTimeout(() => setDone(null), 1500);
  };
  return (
    <button type="button" className="small" role={role} onClick={copy} data-testid={testId} aria-label={ariaLabel}>
      {done === 'ok' ? 'Copied' : done === 'fail' ? 'Copy failed' : label}
    </button>
  );
}
