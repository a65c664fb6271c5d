import type { RefObject } from 'react';

interface Props {
  onFiles: (files: File[]) => void;
  /** Owned by the app so other places (the empty state) can open the picker too. */
  inputRef: RefObject<HTMLInputElement | null>;
  disabled?: boolean;
}

/** "Import files": a visible button driving a hidden multi-file input (the native picker). */
export function ImportButton({ onFiles, inputRef: input, disabled }: Props) {
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()} disabled={disabled} data-testid="import-button">
        Import files
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Import files"
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
