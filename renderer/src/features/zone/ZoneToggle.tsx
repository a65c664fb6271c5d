import { localZoneName, type ZoneMode } from '../../lib/time.js';

interface Props {
  zone: ZoneMode;
  onChange: (zone: ZoneMode) => void;
}

/** UTC (default) or the machine's zone; every timestamp follows it and says which one it is. */
export function ZoneToggle({ zone, onChange }: Props) {
  const local = localZoneName();
  return (
    <div className="seg" role="group" aria-label="Time zone" data-testid="zone-toggle">
      <button type="button" aria-pressed={zone === 'utc'} onClick={() => onChange('utc')}>
        UTC
      </button>
      <button type="button" aria-pressed={zone === 'local'} onClick={() => onChange('local')} title={`Show times in ${local}`}>
        Local ({local})
      </button>
    </div>
  );
}
