/**
 * Whether V8 accepts a bundle folder's code cache (`cli.cjs.v8cache`) for the source its entry
 * compiles: the entry's wrapper around `cli.cjs`, read from the entry itself, so a wrapper changed
 * in one place only shows as a rejected cache.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";

export function cacheRejected(dir: string, entry: string): boolean {
  const main = readFileSync(join(dir, entry), "utf8");
  const wrapper = /const source = ("[^\n]*") \+ readFileSync\(file, "utf8"\) \+ ("[^\n]*");/.exec(main);
  if (!wrapper) throw new Error(`${entry} does not compile cli.cjs with a wrapper this check knows`);
  const [head, tail] = [JSON.parse(wrapper[1]!) as string, JSON.parse(wrapper[2]!) as string];
  const file = join(dir, "cli.cjs");
  return new Script(head + readFileSync(file, "utf8") + tail, { filename: file, cachedData: readFileSync(`${file}.v8cache`) }).cachedDataRejected === true;
}
