// Search, import and export: the arguments and results the register's table and import dialog use.
import { z } from 'zod';
import { Category, IcrcStatus, Side, Status } from './enums';
import { PERSON_COLUMNS } from './columns';
import { PersonRow } from './schemas';

export const SORT_FIELDS = [
  'score',
  'surname',
  'givenName',
  'dateOfBirth',
  'ref',
  'status',
  'category',
  'side',
  'icrcStatus',
  'facility',
  'captureDate',
  'captivityDays',
  'updatedAt',
] as const;
export const SortField = z.enum(SORT_FIELDS);
export type SortField = z.infer<typeof SortField>;

export const SearchFilters = z
  .object({
    status: z.array(Status).max(20).optional(),
    category: z.array(Category).max(10).optional(),
    side: Side.optional(),
    icrcStatus: z.array(IcrcStatus).max(10).optional(),
    /** substring of the facility or last known location */
    facility: z.string().trim().min(1).max(256).optional(),
    seriouslyWounded: z.boolean().optional(),
    /** days in captivity (shared/register/captivity.ts): to release, repatriation or death, else to today */
    captivityMinDays: z.number().int().min(0).max(36500).optional(),
    captivityMaxDays: z.number().int().min(0).max(36500).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchArgs = z
  .object({
    query: z.string().trim().max(256).default(''),
    filters: SearchFilters.default({}),
    /** default: by score for a text query, else by surname */
    sort: z
      .object({ field: SortField, dir: z.enum(['asc', 'desc']).default('asc') })
      .strict()
      .optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type SearchArgs = z.input<typeof SearchArgs>;
export type SearchArgsParsed = z.output<typeof SearchArgs>;

/** A text query's people who fit it well score at least this, or carry every word typed as one of their names. */
export const FITS_WELL_SCORE = 0.7;

export const SearchResult = z.object({
  total: z.number().int(),
  /** of `total`, how many fit a text query well (the rest are only similar); null without a text query */
  good: z.number().int().nullable(),
  rows: z.array(PersonRow),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** Import columns (snake_case, as in persons.csv and the export); the mapping is header → column. */
export const IMPORT_COLUMNS = PERSON_COLUMNS;
export const ImportColumn = z.enum(IMPORT_COLUMNS);
export type ImportColumn = z.infer<typeof ImportColumn>;

export const IMPORT_ENCODINGS = ['utf-8', 'windows-1251'] as const;
export const ImportEncoding = z.enum(IMPORT_ENCODINGS);

/** The largest import file by format (register and lists, window and CLI): checked before the file is parsed. */
export const IMPORT_MAX_BYTES = { csv: 100 * 1024 * 1024, xlsx: 50 * 1024 * 1024 } as const;
/** A file crosses to the core whole, as base64: the contract caps that text at the largest format's size. */
export const IMPORT_BASE64_MAX = Math.ceil((Math.max(IMPORT_MAX_BYTES.csv, IMPORT_MAX_BYTES.xlsx) * 4) / 3) + 4;

const ImportOptions = {
  /** file header → column; null ignores the header. Without it, headers are recognised (uk/en synonyms). */
  mapping: z.record(z.string(), ImportColumn.nullable()).optional(),
  /** forces the text encoding of a CSV; otherwise it is detected */
  encoding: ImportEncoding.optional(),
};
const ImportBytes = {
  fileName: z.string().trim().min(1).max(256),
  dataBase64: z.string().max(IMPORT_BASE64_MAX),
};

/** The core's own call (CLI): a file on disk, or a file's name and bytes. */
export const ImportPreviewArgs = z
  .object({
    path: z.string().min(1).max(4096).optional(),
    fileName: ImportBytes.fileName.optional(),
    dataBase64: ImportBytes.dataBase64.optional(),
    ...ImportOptions,
  })
  .strict()
  .refine(
    (a) => (a.path !== undefined) !== (a.fileName !== undefined && a.dataBase64 !== undefined) && (a.fileName === undefined) === (a.dataBase64 === undefined),
    {
      message: 'path, or fileName with dataBase64',
      path: ['path'],
    },
  );

/** Over IPC the window sends bytes only: a path would let a page read any file on the machine. */
export const ImportPreviewBytesArgs = z.object({ ...ImportBytes, ...ImportOptions }).strict();

export const ROW_ERROR_CODES = ['broken_row', 'unknown_value', 'invalid_value', 'required', 'duplicate_ref', 'unknown_ref', 'formula', 'status_side'] as const;
export const RowError = z.object({
  /** 1-based line of data (the header is line 0) */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(ROW_ERROR_CODES),
  value: z.string().nullable(),
  /** for an unknown value: the codes the column accepts (the window shows their labels) */
  allowed: z.array(z.string()).optional(),
});
export type RowError = z.infer<typeof RowError>;

export const ImportPreview = z.object({
  token: z.string(),
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  mapping: z.record(z.string(), ImportColumn.nullable()),
  unmappedHeaders: z.array(z.string()),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** of the valid rows: how many update an existing person (same ref) and how many are new */
  updates: z.number().int(),
  creates: z.number().int(),
  errors: z.array(RowError),
  errorsTruncated: z.boolean(),
  /** the first rows as they will be written, for the preview table */
  sample: z.array(z.record(z.string(), z.string().nullable())),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportApplyArgs = z
  .object({ token: z.string().min(1).max(64), skipInvalid: z.boolean().default(false), taskId: z.string().max(64).optional() })
  .strict();
export const ImportResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), skipped: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportArgs = z
  .object({
    /** A file to write (the CLI); without it the bytes come back for the window to offer as a download. */
    path: z.string().min(1).max(4096).optional(),
    format: z.enum(['csv', 'xlsx']).default('csv'),
    query: z.string().trim().max(256).default(''),
    filters: SearchFilters.default({}),
  })
  .strict();
/** Over IPC the window gets the bytes back and never names a file: a path would let it overwrite any file. */
export const ExportWindowArgs = ExportArgs.omit({ path: true });
export const ExportResult = z.object({
  path: z.string().nullable(),
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  dataBase64: z.string().optional(),
});
