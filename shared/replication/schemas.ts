// The shape of one replicated change as it travels between sites (the transfer file's payload carries these). A change
// is one record write at its origin site: its stamp (which names the origin), the origin's own dense sequence number
// (so a receiver can acknowledge a gap-free prefix), the written fields, and per field the stamps it superseded.
import { z } from 'zod';
import { InvalidStampError, parseStamp } from '../hlc';
import { DELETED, TABLE_NAMES, isReplicatedField } from './tables';

/** A writer rarely supersedes more than a few concurrent values of one field; more is a malformed file. */
export const MAX_PREV = 64;
export const MAX_TEXT = 100_000;

const isStamp = (s: string) => {
  try {
    parseStamp(s);
    return true;
  } catch (e) {
    if (e instanceof InvalidStampError) return false;
    throw e;
  }
};

export const stampSchema = z.string().max(100).refine(isStamp, 'not an HLC stamp');
export const scalarSchema = z.union([z.string().max(MAX_TEXT), z.number().finite(), z.null()]);

export const changeSchema = z
  .object({
    origin: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    stamp: stampSchema,
    tbl: z.enum(TABLE_NAMES as [string, ...string[]]),
    row: z.string().min(1).max(100),
    fields: z.record(z.string().max(64), scalarSchema),
    prev: z.record(z.string().max(64), z.array(stampSchema).max(MAX_PREV)),
    by: z.string().max(100).nullable(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const keys = Object.keys(c.fields);
    if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'a change writes at least one field' });
    for (const f of keys) if (!isReplicatedField(c.tbl, f)) ctx.addIssue({ code: 'custom', message: `field not replicated: ${c.tbl}.${f}`, path: ['fields'] });
    // 1: a tombstone; 0: a decision that the record stands (an edit made over a live tombstone, or a conflict's keep).
    if (DELETED in c.fields && c.fields[DELETED] !== 1 && c.fields[DELETED] !== 0)
      ctx.addIssue({ code: 'custom', message: 'deleted is 0 or 1', path: ['fields'] });
    if (!isStamp(c.stamp)) return;
    if (parseStamp(c.stamp).site !== c.origin) ctx.addIssue({ code: 'custom', message: 'the stamp is not the origin’s', path: ['stamp'] });
    for (const [f, stamps] of Object.entries(c.prev)) {
      if (!(f in c.fields)) ctx.addIssue({ code: 'custom', message: `prev names a field the change does not write: ${f}`, path: ['prev'] });
      // A writer can only have seen older stamps; a "seen" stamp from its future is a forged causality claim.
      for (const s of stamps) if (!(s < c.stamp)) ctx.addIssue({ code: 'custom', message: 'prev is not older than the change', path: ['prev'] });
    }
  });
export type Change = z.infer<typeof changeSchema>;

/** Per origin site, the highest sequence number of a gap-free prefix this site has applied. */
export const acksSchema = z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.number().int().min(0));
export type Acks = z.infer<typeof acksSchema>;
