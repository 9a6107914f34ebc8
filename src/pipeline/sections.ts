/**
 * Generated sections of hand-written files (the README's prerequisites): the text between
 * `<!-- BEGIN GENERATED: <name> -->` and `<!-- END GENERATED: <name> -->` is the model's; the rest
 * stays the author's. A file without the markers is left alone (an output directory without the
 * README); this repository's README has them, and a test keeps it that way.
 */
import type { Platform } from "../core/model/types.ts";
import { GENERATOR_COMMAND } from "../core/files.ts";
import { prerequisitesMarkdown } from "../helm/prerequisites.ts";

export interface Section {
  path: string;
  name: string;
  content: string;
}

const begin = (name: string) => `<!-- BEGIN GENERATED: ${name} (${GENERATOR_COMMAND}; edit the model, not this text) -->`;
const end = (name: string) => `<!-- END GENERATED: ${name} -->`;

export function sections(platform: Platform): Section[] {
  return [{ path: "README.md", name: "prerequisites", content: prerequisitesMarkdown(platform) }];
}

/** `text` with the section replaced; undefined when `text` lacks the section's markers. */
export function spliceSection(text: string, section: Section): string | undefined {
  const from = text.indexOf(begin(section.name));
  const to = text.indexOf(end(section.name));
  if (from < 0 || to < from) return undefined;
  return `${text.slice(0, from)}${begin(section.name)}\n${section.content.replace(/\n*$/, "\n")}${text.slice(to)}`;
}

/** The markers of a section with nothing between them, for a file that is to carry it. */
export function emptySection(name: string): string {
  return `${begin(name)}\n${end(name)}\n`;
}
