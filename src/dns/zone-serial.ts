/**
 * Zone serials that only go up. A fresh zone's serial comes from its content (deterministic), but
 * once a zone file exists its serial is carried: kept while the zone's content is unchanged,
 * raised by one when it changes. Secondaries transfer a zone only when the serial grows, so a
 * change that is later reverted must raise it again, never bring back the older, lower serial.
 */
import type { FileRecord } from "../core/files.ts";

/** `dns/<env>/<zone>.zone`. */
const ZONE_FILE = /^dns\/[^/]+\/[^/]+\.zone$/;
/** The SOA line: MNAME, RNAME, then the serial. */
const SOA_SERIAL = /^(@\s+IN\s+SOA\s+\S+\s+\S+\s+)(\d+)(\s)/m;

/** The serial of a zone file's SOA record, and its text with the serial blanked out. */
function splitSerial(text: string): { serial: number; rest: string } | undefined {
  const match = SOA_SERIAL.exec(text);
  if (!match) return undefined;
  return { serial: Number(match[2]), rest: text.replace(SOA_SERIAL, "$1#$3") };
}

/** RFC 1982 serial arithmetic: add one, skipping 0 after the 32-bit wrap. */
function next(serial: number): number {
  return (serial % 0xffffffff) + 1;
}

/**
 * Each zone file of `records` with the serial carried over from the file `read` returns for its
 * path (the committed one): same content, same serial; changed content, that serial plus one.
 */
export function carrySerials(records: FileRecord[], read: (path: string) => string | undefined): FileRecord[] {
  return records.map((record) => {
    if (!ZONE_FILE.test(record.path)) return record;
    const fresh = splitSerial(record.content);
    const previous = read(record.path);
    const old = previous === undefined ? undefined : splitSerial(previous);
    if (!fresh || !old) return record;
    const serial = old.rest === fresh.rest ? old.serial : next(old.serial);
    return { ...record, content: record.content.replace(SOA_SERIAL, `$1${serial}$3`) };
  });
}
