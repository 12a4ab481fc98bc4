import { useState } from 'react';
import { useResearchT, type ResearchKey } from './i18n';

const FORMATS: Array<{ format: string; label: ResearchKey }> = [
  { format: 'json', label: 'exportJson' },
  { format: 'csv', label: 'exportCsv' },
  { format: 'cases', label: 'exportCases' },
  { format: 'md', label: 'exportMd' },
  { format: 'html', label: 'exportHtml' },
  { format: 'maxqda', label: 'exportMaxqda' },
  { format: 'qdpx', label: 'exportQdpx' },
];

/** Downloads an export with the page's token as Bearer (a plain link cannot carry it). */
async function download(workshopId: string, token: string, format: string): Promise<void> {
  const res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/export?format=${format}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, since some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The export buttons of the console (docs/export.md describes every format). */
export function ExportPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useResearchT();
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('export')}</h2>
      <p className="muted">{t('exportHelp')}</p>
      <div className="button-row">
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            className="button button--small"
            data-testid={`export-${f.format}`}
            onClick={() => {
              setError(null);
              download(workshopId, token, f.format).catch((e: unknown) =>
                setError(t('exportFailed', { message: e instanceof Error ? e.message : String(e) })),
              );
            }}
          >
            {t(f.label)}
          </button>
        ))}
      </div>
      <p role="status" className="field__error">
        {error ?? ''}
      </p>
    </section>
  );
}
