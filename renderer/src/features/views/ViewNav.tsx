import { useEffect } from 'react';
import type { ViewStack } from './use-view-stack.js';
import { viewTitle } from './view-stack.js';
import './views.css';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Back through the view trail: the button, Alt+Left anywhere, and Backspace outside text fields (as in a browser).
 * The trail shows where the analyst came from.
 */
export function ViewNav({ views }: { views: ViewStack }) {
  const { back, canGoBack } = views;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !canGoBack || document.querySelector('dialog[open]')) return;
      const altLeft = e.altKey && e.key === 'ArrowLeft';
      const backspace = e.key === 'Backspace' && !e.altKey && !e.ctrlKey && !e.metaKey && !isEditable(e.target);
      if (altLeft || backspace) {
        e.preventDefault();
        back();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [back, canGoBack]);

  if (!canGoBack) return null;
  const previous = views.views[views.views.length - 2];
  return (
    <nav className="view-nav" aria-label="View trail" data-testid="view-nav">
      <button
        type="button"
        onClick={back}
        aria-label={`Back to ${viewTitle(previous)}`}
        title="Back (Backspace or Alt+Left)"
        data-testid="view-back"
      >
        ← Back
      </button>
      <ol className="view-trail">
        {views.views.map((v, i) => (
          <li key={i} aria-current={i === views.views.length - 1 ? 'page' : undefined}>
            {viewTitle(v)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
