import { useMemo, useState, type KeyboardEvent } from 'react';
import { Popover } from '../../components/Popover.js';
import { allZoneNames, formatTime, localZoneName, type ZoneMode } from '../../lib/time.js';
import './zone.css';

interface Props {
  zone: ZoneMode;
  onChange: (zone: ZoneMode) => void;
}

/** UTC (default), the machine's zone, or any IANA zone picked from a searchable list; every timestamp follows it. */
export function ZoneToggle({ zone, onChange }: Props) {
  const local = localZoneName();
  const other = zone !== 'utc' && zone !== 'local';
  return (
    <div className="seg zone-select" role="group" aria-label="Time zone" data-testid="zone-toggle">
      <button type="button" aria-pressed={zone === 'utc'} onClick={() => onChange('utc')}>
        UTC
      </button>
      <button type="button" aria-pressed={zone === 'local'} onClick={() => onChange('local')} title={`Show times in ${local}`}>
        Local ({local})
      </button>
      <Popover label={other ? `${zone} ▾` : 'Other ▾'} buttonLabel={other ? `Time zone ${zone}: choose another` : 'Other time zone'} align="right" testId="zone-other" className={other ? 'zone-other-active' : ''}>
        {(close) => <ZonePicker current={zone} onPick={(z) => (onChange(z), close())} />}
      </Popover>
    </div>
  );
}

/** Type part of a name ("tokyo", "america/new") to narrow the ~400 IANA zones; Enter picks the first match. */
function ZonePicker({ current, onPick }: { current: ZoneMode; onPick: (zone: ZoneMode) => void }) {
  const [text, setText] = useState('');
  const zones = useMemo(() => allZoneNames(), []);
  const needle = text.trim().toLowerCase().replace(/\s+/g, '_');
  const matches = needle ? zones.filter((z) => z.toLowerCase().includes(needle)) : zones;
  const now = Date.now();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && matches.length > 0) {
      e.preventDefault();
      onPick(matches[0]);
    }
  };
  return (
    <div className="zone-picker">
      <input
        type="search"
        autoFocus
        aria-label="Search time zones"
        placeholder="Search zones, e.g. Tokyo"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" aria-label="Time zones" className="zone-list">
        {matches.map((z) => (
          <li
            key={z}
            role="option"
            tabIndex={0}
            aria-selected={z === current}
            onClick={() => onPick(z)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick(z))}
          >
            <span>{z}</span>
            <span className="muted mono">{formatTime(now, z).slice(-6)}</span>
          </li>
        ))}
        {matches.length === 0 && <li className="muted">No zone matches “{text}”.</li>}
      </ul>
    </div>
  );
}
