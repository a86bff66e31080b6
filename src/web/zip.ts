// A zip archive of named files with fflate, every entry dated the same fixed moment so that the same
// pages always give the same bytes (a class's pages generated twice compare equal).
import { strToU8, zipSync, type Zippable } from 'fflate';

/** 1980-01-01, the earliest time a zip entry can carry. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export function zipFiles(files: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of files)
    entries[name] = [typeof content === 'string' ? strToU8(content) : content, { mtime: FIXED_TIME, level: 9 }];
  return zipSync(entries);
}
