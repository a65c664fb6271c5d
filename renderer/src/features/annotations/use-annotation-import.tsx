import { useRef, type ReactNode } from 'react';
import { api, errorMessage } from '../../api/index.js';
import { useToast } from '../../components/Toasts.js';

/**
 * "Import annotations…": re-applies the stars, tags and comments of a JSONL export to this case (by event id). The
 * file input lives outside any menu so it survives the menu closing while the file chooser is open.
 */
export function useAnnotationImport(): { input: ReactNode; open: () => void } {
  const ref = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const run = async (file: File) => {
    try {
      const [path] = (await api.stageFiles([file])).paths;
      const s = await api.invoke('annotations:import', { path });
      const applied = `${s.events} events annotated (${s.stars} stars, ${s.tags} tags, ${s.comments} comments added)`;
      const missing = s.missing ? `; ${s.missing} events are not in this case` : '';
      const deleted = s.deletedComments ? `; ${s.deletedComments} comments deleted in this case were not restored` : '';
      const problems = s.problems.length ? `; ${s.problems.length} problems, first: ${s.problems[0]}` : '';
      toast(s.problems.length ? 'error' : 'info', `Annotations from ${file.name}: ${applied}${missing}${deleted}${problems}`);
    } catch (err) {
      toast('error', `Annotations from ${file.name}: ${errorMessage(err)}`);
    }
  };
  const input = (
    <input
      ref={ref}
      type="file"
      accept=".jsonl,.ndjson,application/x-ndjson"
      hidden
      aria-label="Annotations file"
      data-testid="annotations-file"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void run(file);
      }}
    />
  );
  return { input, open: () => ref.current?.click() };
}
