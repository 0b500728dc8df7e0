// The register's closed vocabularies (DOMAIN.md). Stored as these exact strings; the UI translates them.
import { z } from 'zod';

export const SIDES = ['ours', 'held'] as const;
export const CATEGORIES = ['military', 'civilian', 'remains', 'other'] as const;
/** Statuses of our people (side `ours`). */
export const OURS_STATUSES = [
  'missing',
  'captivity_suspected',
  'captivity_confirmed',
  'on_exchange_list',
  'released',
  'deceased',
  'remains_identified',
  'remains_repatriated',
  'refused_return',
] as const;
/** Statuses of people we hold (side `held`). */
export const HELD_STATUSES = ['held', 'proposed', 'transferred'] as const;
export const STATUSES = [...OURS_STATUSES, ...HELD_STATUSES] as const;
export const ICRC_STATUSES = ['unknown', 'not_registered', 'registered', 'visited'] as const;
export const SEXES = ['M', 'F'] as const;
export const SOURCE_KINDS = [
  'family_report',
  'debriefing',
  'media_capture',
  'icrc_notification',
  'adversary_list',
  'mediator_list',
  'official_document',
  'dna_match',
] as const;
/** Admiralty code: reliability of the source A (completely reliable) … F (cannot be judged). */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** Admiralty code: credibility of the information 1 (confirmed) … 6 (cannot be judged). */
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export const ATTACHMENT_KINDS = ['photo', 'scan', 'screenshot', 'video_still', 'other'] as const;
export const CONTACT_CHANNELS = ['phone', 'visit', 'letter', 'message', 'other'] as const;
export const CONTACT_KINDS = ['contact', 'notification'] as const;

export const Side = z.enum(SIDES);
export const Category = z.enum(CATEGORIES);
export const Status = z.enum(STATUSES);
export const IcrcStatus = z.enum(ICRC_STATUSES);
export const Sex = z.enum(SEXES);
export const SourceKind = z.enum(SOURCE_KINDS);
export const Reliability = z.enum(RELIABILITY);
export const Credibility = z.number().int().min(1).max(6);
export const AttachmentKind = z.enum(ATTACHMENT_KINDS);
export const ContactChannel = z.enum(CONTACT_CHANNELS);
export const ContactKind = z.enum(CONTACT_KINDS);

export type Side = z.infer<typeof Side>;
export type Category = z.infer<typeof Category>;
export type Status = z.infer<typeof Status>;
export type IcrcStatus = z.infer<typeof IcrcStatus>;
export type SourceKind = z.infer<typeof SourceKind>;

/** A status belongs to one side: an `ours` person is never `held`, and the reverse. */
export function statusFitsSide(status: Status, side: Side): boolean {
  return side === 'held' ? (HELD_STATUSES as readonly string[]).includes(status) : (OURS_STATUSES as readonly string[]).includes(status);
}

export function defaultStatus(side: Side): Status {
  return side === 'held' ? 'held' : 'missing';
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD', with a real month and day (29 February only in leap years). */
export function isPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  if (y < 1900 || y > 2100) return false;
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d >= 1 && d <= (mo === 2 && !leap ? 28 : DAYS[mo - 1]!);
}

export const PartialDate = z.string().refine(isPartialDate, 'partialDate');
