const pad = (n: number) => String(n).padStart(2, '0');

/** Data dates in one unambiguous form (UI.md): 2026-11-26, local time. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 2026-11-26 14:03:07, local time — for the audit log, where seconds matter. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Site codes are Latin capitals, digits and hyphens: typing is coerced rather than refused. */
export function normaliseSiteCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9-]/g, '');
}
