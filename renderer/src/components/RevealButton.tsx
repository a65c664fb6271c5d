import { api, errorMessage } from '../api/index.js';
import { useToast } from './Toasts.js';

/**
 * "Show in folder" for a file the case recorded (an export, a pack). Only the desktop app can open the system file
 * manager; the browser host offers a download link instead, so this renders nothing there.
 */
export function RevealButton({ path, label }: { path: string; label: string }) {
  const toast = useToast();
  if (!api.canReveal) return null;
  const reveal = () =>
    api.revealFile(path).then(
      (shown) => shown || toast('error', `The file is no longer at ${path}`),
      (e: unknown) => toast('error', errorMessage(e)),
    );
  return (
    <button type="button" className="small" onClick={reveal} aria-label={label}>
      Show in folder
    </button>
  );
}
