import { z } from 'zod';
import { CodeInput, DocRequest, ManifestCheck, OutputAction, PdfDocument, WindowOutcome } from '../../manifest';

/**
 * Printed documents (docs/manifest.md). `render` makes a PDF for the preview (nothing recorded); `output` makes it
 * again and records that it was printed or saved, with its code, in the print log and the audit chain; `check` tells
 * whether a printed code still matches the round as held now.
 */
export const manifestContract = {
  'manifest.render': { args: z.object({ request: DocRequest }).strict(), result: PdfDocument },
  'manifest.output': { args: z.object({ request: DocRequest, action: OutputAction }).strict(), result: PdfDocument },
  'manifest.check': { args: z.object({ code: CodeInput }).strict(), result: ManifestCheck },
  /** Window only (electron/main/print.ts): a sandboxed preview window; the system print dialog; Electron's save dialog. */
  'manifest.preview': { args: z.object({ request: DocRequest }).strict(), result: WindowOutcome },
  'manifest.print': { args: z.object({ request: DocRequest }).strict(), result: WindowOutcome },
  'manifest.save': { args: z.object({ request: DocRequest }).strict(), result: WindowOutcome },
} as const;
