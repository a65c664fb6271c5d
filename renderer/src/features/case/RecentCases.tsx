import { useEffect, useState } from 'react';
import type { CaseInfo, ChannelOutput } from '../../../../shared/contract/channels.js';
import { api, errorMessage } from '../../api/index.js';
import { useToast } from '../../components/Toasts.js';

type Recent = ChannelOutput<'case:recent'>;

/** Menu items for the case files this host opened lately (the current one and missing files left out). */
export function RecentCases({ currentPath, onOpened, close }: { currentPath: string | null; onOpened: (info: CaseInfo) => void; close: () => void }) {
  const toast = useToast();
  const [recent, setRecent] = useState<Recent>([]);
  useEffect(() => {
    api.invoke('case:recent', {}).then(setRecent, () => setRecent([]));
  }, []);
  const others = recent.filter((r) => r.path !== currentPath && r.exists);
  if (others.length === 0) return null;
  const open = async (path: string) => {
    close();
    try {
      onOpened(await api.invoke('case:open', { path }));
    } catch (err) {
      toast('error', `Could not open ${path}: ${errorMessage(err)}`);
    }
  };
  return (
    <div role="group" aria-label="Recent cases" className="menu-group">
      <span className="menu-heading muted" aria-hidden="true">Recent cases</span>
      {others.map((r) => (
        <button key={r.path} type="button" role="menuitem" title={r.path} onClick={() => void open(r.path)}>
          {r.path.split(/[\\/]/).pop()}
        </button>
      ))}
    </div>
  );
}
