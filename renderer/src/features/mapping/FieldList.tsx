import type { MappingPreview } from '../../../../shared/contract/mapping.js';

/** Every field of the file's first records with example values, so the analyst can see what each one holds. */
export function FieldList({ preview }: { preview: MappingPreview }) {
  return (
    <section className="mapping-fields" aria-label="Fields in the file">
      <h3>
        Fields in the file <span className="muted">({preview.fields.length})</span>
      </h3>
      <div className="mp-scroll">
        <table className="plain" aria-label="Fields and example values" data-testid="mapping-fields">
          <thead>
            <tr>
              <th>Field</th>
              <th>Examples</th>
            </tr>
          </thead>
          <tbody>
            {preview.fields.map((f) => (
              <tr key={f.name}>
                <td className="mono">{f.name}</td>
                <td className="mp-examples">{f.examples.length ? f.examples.join(' · ') : <span className="muted">empty</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
