/**
 * What every rule sees, and the one rule type. A rule reads the model and the files of the run
 * (the on-disk content where it exists, else the generated content), each parsed once, and
 * returns diagnostics built by `at` (a place in a file) or `model` (a field of the model).
 * Most rules look at one environment at a time; the infrastructure rules compare environments
 * (lab and prod share the Proxmox hosts) and see every file at once.
 */
import type { Diagnostic, Severity } from "../diagnostics/types.ts";
import { YamlSource, pointerSegments, toPointer } from "../diagnostics/locate.ts";
import type { Position } from "../diagnostics/types.ts";
import { blockPosition, blockYaml } from "../yaml-block.ts";
import type { Environment, Platform, Release } from "../model/types.ts";

/** What part of the output a file is. */
export type FileKind = "values" | "manifest" | "environment" | "helmfile" | "other";

export class LintFile {
  private parsed: YamlSource | undefined;

  constructor(
    /** Path relative to the output root. */
    readonly path: string,
    readonly text: string,
    readonly kind: FileKind,
    /** The release the file belongs to (values and manifests). */
    readonly release: Release | undefined,
    /** The documents the generator wrote `text` from, when `text` is exactly what it produced. */
    private readonly documents?: readonly unknown[],
  ) {}

  get yaml(): YamlSource {
    this.parsed ??= new YamlSource(this.path, this.text);
    return this.parsed;
  }

  /** Documents as data (multi-document files give several). */
  get docs(): readonly unknown[] {
    // Text the generator just produced needs no parsing; the parse tree is built only to locate.
    return this.documents ?? this.yaml.data;
  }

  /** Whether the text is exactly what the generator produced in this run (so it is valid YAML). */
  get generated(): boolean {
    return this.documents !== undefined;
  }

  private layout: number[] | null | undefined;

  /**
   * The line before each document, where the text is comment lines, the documents as `blockYaml`
   * writes them separated by `---`, then comment lines; null for any other text (JSON, a flow
   * `{}`, a document `yaml` itself wrote).
   */
  private documentLines(): number[] | null {
    if (this.layout !== undefined) return this.layout;
    this.layout = null;
    const { text, documents } = this;
    if (!documents?.length) return null;
    const comments = (from: number): number => {
      let at = from;
      while (text.startsWith("#", at)) {
        const end = text.indexOf("\n", at);
        if (end < 0) return -1;
        at = end + 1;
      }
      return at;
    };
    let at = comments(0);
    if (at < 0) return null;
    let line = lineCount(text, 0, at);
    const starts: number[] = [];
    for (let i = 0; i < documents.length; i++) {
      if (i > 0) {
        if (!text.startsWith("---\n", at)) return null;
        at += 4;
        line += 1;
      }
      const written = blockYaml(documents[i]);
      if (written === undefined || !text.startsWith(written, at)) return null;
      starts.push(line);
      line += lineCount(written, 0, written.length);
      at += written.length;
    }
    if (comments(at) !== text.length) return null;
    this.layout = starts;
    return starts;
  }

  /**
   * The line:column of `pointer` in document `doc` (see `YamlSource.positionOf`). Text the
   * generator wrote is not parsed for it: the place is counted from its documents, as the writer
   * lays them out (rules report warnings in every environment's files, and each parse cost more
   * than the rest of the file's checks).
   */
  positionOf(pointer: string, doc: number, key: boolean): Position | undefined {
    const starts = this.documentLines();
    if (starts && doc < starts.length) {
      const at = blockPosition(this.documents![doc], pointerSegments(pointer), key);
      if (at) return { line: starts[doc]! + at.line + 1, column: at.column };
    }
    return this.yaml.positionOf(pointer, doc, key);
  }
}

/** Newlines in `text` between two offsets. */
function lineCount(text: string, from: number, to: number): number {
  let lines = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

/** A place in a file: which document and which JSON pointer. */
export interface Site {
  file: LintFile;
  doc: number;
  pointer: string;
}

/** A Kubernetes object found in a file: a manifest document, or an object embedded in values. */
export interface KubeDoc extends Site {
  apiVersion: string;
  kind: string;
  object: Record<string, unknown>;
}

/** A JSON value visited by `walk`, with its path from the document root. */
interface Visit {
  value: unknown;
  path: Array<string | number>;
  /** The key (or index) under which `value` sits. */
  key: string | number | undefined;
  parent: unknown;
}

/**
 * A value of a deployed file with the site it is at, as `RuleContext.values` gives them. `site`
 * and `path` are built when read: test `key`, `value` or `file` first.
 */
export type SitedVisit = Visit & { site: Site; file: LintFile; doc: number };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value `walk` visited; its path is rebuilt from the visits above it when read. */
class Walked implements Visit {
  constructor(
    readonly value: unknown,
    readonly key: string | number | undefined,
    readonly parent: unknown,
    /** The visit of the containing value; undefined at the root. */
    private readonly up: Walked | undefined,
    /** The path of the root. */
    private readonly base: ReadonlyArray<string | number>,
  ) {}

  /** The keys from the root (after the root's own path), a new list on each read: read it after cheaper tests. */
  get path(): Array<string | number> {
    const keys: Array<string | number> = [];
    for (let v: Walked = this; v.up !== undefined; v = v.up) keys.push(v.key!);
    return [...this.base, ...keys.reverse()];
  }
}

/**
 * Depth-first visit of every value of a JSON tree, in document order. A list, not a generator:
 * each value of a recursive generator passes through every level above it, which made deep trees
 * the costliest part of a lint. Each visit's `path` is built when read (rules read it for the few
 * values they report; a path per value was most of a walk's garbage).
 */
export function walk(value: unknown, path: Array<string | number> = [], parent: unknown = undefined): Visit[] {
  const out: Visit[] = [];
  const base = [...path];
  const visit = (here: Walked): void => {
    out.push(here);
    const { value } = here;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(new Walked(value[i], i, value, here, base));
    } else if (isObject(value)) {
      for (const k of Object.keys(value)) visit(new Walked(value[k], k, value, here, base));
    }
  };
  visit(new Walked(value, path[path.length - 1], parent, undefined, base));
  return out;
}

/** A JSON pointer segment (RFC 6901). */
function escapeSegment(key: string): string {
  return key.includes("~") || key.includes("/") ? key.replaceAll("~", "~0").replaceAll("/", "~1") : key;
}

/** A document of a deployed file: what the values walked from it share. */
interface DocumentAt {
  file: LintFile;
  doc: number;
}

/**
 * A value of a deployed file, visited once per lint context. Its path, pointer and site are
 * rebuilt from the chain of visits above it when a rule reads them, rather than built for every
 * value of every file: most rules read a few values by key, and the walk is per environment.
 */
class DeployedValue implements Visit {
  private siteCache: Site | undefined;

  constructor(
    readonly value: unknown,
    readonly key: string | number | undefined,
    readonly parent: unknown,
    private readonly at: DocumentAt,
    /** The visit of the containing value; undefined at a document's root. */
    readonly up: DeployedValue | undefined,
  ) {}

  get file(): LintFile {
    return this.at.file;
  }

  /** The index of the value's document in its file. */
  get doc(): number {
    return this.at.doc;
  }

  /** The keys from the document root, rebuilt on each read: read it after cheaper tests. */
  get path(): Array<string | number> {
    const path: Array<string | number> = [];
    for (let v: DeployedValue | undefined = this; v?.up !== undefined; v = v.up) path.push(v.key!);
    return path.reverse();
  }

  /** The JSON pointer from the document root (escaped as RFC 6901 says); built from the one above, once. */
  private get pointer(): string {
    if (this.up === undefined) return "";
    if (this.siteCache) return this.siteCache.pointer;
    const key = this.key!;
    return `${this.up.site.pointer}/${typeof key === "number" ? key : escapeSegment(key)}`;
  }

  /** Where the value is. Read it only for the values a rule reports: most rules test `key` and `value` first. */
  get site(): Site {
    this.siteCache ??= { file: this.at.file, doc: this.at.doc, pointer: this.pointer };
    return this.siteCache;
  }
}

/** Keys of values files under which charts accept whole extra Kubernetes objects. */
const EXTRA_OBJECT_KEYS = new Set(["extraObjects", "extraManifests", "extraDeploy", "additionalManifests"]);

/** Every file of a lint run by path, for rules that read files by their place in the output. */
export class OutputFiles {
  private readonly byPath: Map<string, LintFile>;

  constructor(readonly all: readonly LintFile[]) {
    this.byPath = new Map(all.map((f) => [f.path, f]));
  }

  get(path: string): LintFile | undefined {
    return this.byPath.get(path);
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Every path, sorted once: rules ask per environment and per node, so a scan each time grew quadratically. */
  private sorted: string[] | undefined;

  /** Paths below `prefix`, sorted. */
  paths(prefix: string): string[] {
    const sorted = (this.sorted ??= [...this.byPath.keys()].sort());
    // The first path >= prefix; the matches follow it contiguously.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
    return out;
  }

  private readonly memos = new Map<string, WeakMap<LintFile, Diagnostic[]>>();

  /** What `find` gives for `file` under `key`, computed on the first call of the run. */
  memo(key: string, file: LintFile, find: () => Diagnostic[]): Diagnostic[] {
    let byFile = this.memos.get(key);
    if (!byFile) this.memos.set(key, (byFile = new WeakMap()));
    let found = byFile.get(file);
    if (!found) byFile.set(file, (found = find()));
    return found;
  }

  private readonly runMemos = new Map<string, unknown>();

  /**
   * What `find` gives under `key`, computed once per run: for a rule's findings that depend on the
   * model alone, which every environment's context would otherwise compute again.
   */
  once<T>(key: string, find: () => T): T {
    if (!this.runMemos.has(key)) this.runMemos.set(key, find());
    return this.runMemos.get(key) as T;
  }

  text(path: string): string | undefined {
    return this.byPath.get(path)?.text;
  }

  yaml(path: string): YamlSource | undefined {
    return this.byPath.get(path)?.yaml;
  }

  /** The first document of a YAML file as data. */
  data(path: string): unknown {
    return this.byPath.get(path)?.docs[0];
  }

  /** The place `pointer` in the first document of `path` (a file that is absent has no line). */
  site(path: string, pointer: Array<string | number>): Site {
    return { file: this.byPath.get(path) ?? new LintFile(path, "", "other", undefined), doc: 0, pointer: toPointer(pointer) };
  }
}

export interface ContextOptions {
  /**
   * Give file diagnostics their line:column (default). Off where only diagnostics about the model
   * are kept (`gen`'s check of the model's rule errors): locating parses the file's text.
   */
  locate?: boolean;
  /**
   * The environments whose files the run checks (default every one; `lint --env X`: X). The
   * platform rules check these; the rules comparing environments read the others from `otherVms`.
   */
  environments?: readonly Environment[];
  /** The VMs of the environments not checked, derived from the model: what they take of the shared Proxmox hosts. */
  otherVms?: readonly VmSpecRead[];
  /**
   * Whether the rules look for findings in the generated files (default). Off where only findings
   * about the model are kept (`gen`): a rule then skips the searches that can only report against
   * a file, which `gen` would drop, and were most of its work per environment.
   */
  searchFiles?: boolean;
}

/** A VM spec as lint reads it: from its file, or from the model for an environment the run does not check. */
export interface VmSpecRead {
  env: Environment;
  path: string;
  node: unknown;
  params: Record<string, unknown>;
}

/**
 * What a rule over the whole platform sees: the model and every file of the run, which checks
 * `environments` (every one, or with `--env` one, whose rules comparing environments read the
 * others' VMs from `otherVms`).
 */
export class LintContext {
  /** Every file of the run, by path. */
  readonly output: OutputFiles;

  constructor(
    readonly platform: Platform,
    /** Every file of the run; one `OutputFiles` shared by the contexts of a run is indexed once. */
    files: readonly LintFile[] | OutputFiles,
    /** Name of the model source, for diagnostics about the model itself. */
    readonly modelFile: string,
    options: ContextOptions = {},
  ) {
    this.output = files instanceof OutputFiles ? files : new OutputFiles(files);
    this.locate = options.locate ?? true;
    this.environments = options.environments ?? platform.environments;
    this.otherVms = options.otherVms ?? [];
    this.searchFiles = options.searchFiles ?? true;
  }

  /** The environments the run checks (see `ContextOptions.environments`). */
  readonly environments: readonly Environment[];

  /** The VMs of the environments the run does not check (see `ContextOptions.otherVms`). */
  readonly otherVms: readonly VmSpecRead[];

  /** Whether findings in the generated files are wanted (see `ContextOptions.searchFiles`). */
  readonly searchFiles: boolean;

  /** Whether file diagnostics carry their line:column (which parses the file). */
  private readonly locate: boolean;

  /**
   * Findings of `rule` that depend on `file` alone, computed once per run: every environment's
   * context holds the shared files (the helmfile, CI templates), whose work otherwise grew with the
   * number of environments times their size, which grows with it too.
   */
  fileFindings(rule: string, file: LintFile, find: () => Diagnostic[]): Diagnostic[] {
    return this.output.memo(`${rule}\0${this.locate}`, file, find);
  }

  /** A diagnostic at a place in a file, with its line:column. The one builder of file diagnostics. */
  at(rule: string, site: Site, message: string, options: { hint?: string; severity?: Severity; key?: boolean } = {}): Diagnostic {
    const position = this.locate ? site.file.positionOf(site.pointer, site.doc, options.key ?? false) : undefined;
    return {
      rule,
      severity: options.severity ?? "error",
      message,
      file: site.file.path,
      pointer: site.pointer || "/",
      ...(position ? { position } : {}),
      ...(options.hint ? { hint: options.hint } : {}),
    };
  }

  /**
   * A diagnostic on text inside a string value (TOML in a chart's config block): the position of
   * the first line at or after the value that matches `line`.
   */
  atText(rule: string, site: Site, line: RegExp, message: string, options: { hint?: string; severity?: Severity } = {}): Diagnostic {
    const diag = this.at(rule, site, message, options);
    if (!diag.position) return diag;
    const lines = site.file.text.split("\n");
    for (let i = diag.position.line - 1; i < lines.length; i++) {
      const match = line.exec(lines[i] ?? "");
      if (match) return { ...diag, position: { line: i + 1, column: match.index + 1 } };
    }
    return diag;
  }
}

/** What a rule over one environment sees: that environment, its files and the shared ones. */
export class RuleContext extends LintContext {
  private kubeCache: KubeDoc[] | undefined;
  private valueCache: DeployedValue[] | undefined;

  constructor(
    platform: Platform,
    readonly env: Environment,
    /** Files of this environment plus the shared ones. */
    readonly files: LintFile[],
    modelFile: string,
    /** Every file of the run (default: `files`). */
    all: readonly LintFile[] | OutputFiles = files,
    options: ContextOptions = {},
  ) {
    super(platform, all, modelFile, options);
  }

  get envIndex(): number {
    return this.platform.environments.indexOf(this.env);
  }

  private deployedCache: LintFile[] | undefined;

  /** Files that are data the cluster receives: values and manifests. */
  get deployed(): LintFile[] {
    this.deployedCache ??= this.files.filter((f) => f.kind === "values" || f.kind === "manifest");
    return this.deployedCache;
  }

  /**
   * Every Kubernetes object of the environment, in manifests and embedded in values, in the
   * order of the values walk (file, document, depth first). Found by a walk of its own that
   * builds nothing but the objects: a manifest's documents are its objects, and only the lists
   * under `EXTRA_OBJECT_KEYS` of values files hold more.
   */
  get kubeObjects(): KubeDoc[] {
    if (!this.kubeCache) {
      const out: KubeDoc[] = [];
      for (const file of this.deployed) {
        for (let doc = 0; doc < file.docs.length; doc++) {
          const root = file.docs[doc];
          if (file.kind === "manifest") {
            if (isObject(root)) out.push(kubeDoc(file, doc, "", root));
          } else {
            extraObjects(root, "", (pointer, item) => out.push(kubeDoc(file, doc, pointer, item)));
          }
        }
      }
      this.kubeCache = out;
    }
    return this.kubeCache;
  }

  /**
   * Every value in every deployed file, with the site it is at (walked once, shared by the rules).
   * Rules loop over it by index: a `for...of` allocates an iterator result per value until V8
   * optimizes the loop, and each rule loops over every value of every environment.
   */
  values(): readonly SitedVisit[] {
    return this.deployedValues();
  }

  private deployedValues(): readonly DeployedValue[] {
    if (!this.valueCache) {
      const out: DeployedValue[] = [];
      const visit = (at: DocumentAt, value: unknown, key: string | number | undefined, parent: unknown, up: DeployedValue | undefined) => {
        const here = new DeployedValue(value, key, parent, at, up);
        out.push(here);
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) visit(at, value[i], i, value, here);
        } else if (isObject(value)) {
          for (const k of Object.keys(value)) visit(at, value[k], k, value, here);
        }
      };
      for (const file of this.deployed) {
        for (let doc = 0; doc < file.docs.length; doc++) visit({ file, doc }, file.docs[doc], undefined, undefined, undefined);
      }
      this.valueCache = out;
    }
    return this.valueCache;
  }

  /** A diagnostic about a field of this environment in the model. */
  model(rule: string, path: Array<string | number>, message: string, options: { hint?: string; severity?: Severity } = {}): Diagnostic {
    return {
      rule,
      severity: options.severity ?? "error",
      message: `${this.env.name}: ${message}`,
      file: this.modelFile,
      pointer: toPointer(["environments", this.envIndex, ...path]),
      ...(options.hint ? { hint: options.hint } : {}),
    };
  }
}

/**
 * Objects (with a string `kind`) in the lists under `EXTRA_OBJECT_KEYS` anywhere below `value`,
 * depth first, each reported before what lies below it. The pointer is built only for a hit.
 */
function extraObjects(value: unknown, pointer: string, found: (pointer: string, object: Record<string, unknown>) => void): void {
  const path: Array<string | number> = [];
  const here = (): string => pointer + path.map((seg) => `/${typeof seg === "number" ? seg : escapeSegment(seg)}`).join("");
  const visit = (value: unknown, key: string | number | undefined): void => {
    if (Array.isArray(value)) {
      if (typeof key === "string" && EXTRA_OBJECT_KEYS.has(key)) {
        const at = here();
        value.forEach((item, i) => {
          if (isObject(item) && typeof item.kind === "string") found(`${at}/${i}`, item);
        });
      }
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item !== "object" || item === null) continue;
        path.push(i);
        visit(item, i);
        path.pop();
      }
    } else if (isObject(value)) {
      for (const k of Object.keys(value)) {
        const child = value[k];
        if (typeof child !== "object" || child === null) continue;
        path.push(k);
        visit(child, k);
        path.pop();
      }
    }
  };
  visit(value, undefined);
}

function kubeDoc(file: LintFile, doc: number, pointer: string, object: Record<string, unknown>): KubeDoc {
  return {
    file,
    doc,
    pointer,
    apiVersion: typeof object.apiVersion === "string" ? object.apiVersion : "",
    kind: typeof object.kind === "string" ? object.kind : "",
    object,
  };
}

interface RuleInfo {
  /** `<area>/<name>`; the rule lives in `src/<world>/rules/` (or `src/helm/rules/<area>/`). */
  id: string;
  /** One line: what holds when the rule finds nothing. */
  description: string;
  /**
   * The rule may report against the model itself (`ctx.model`, or a diagnostic in the model
   * file). `gen` refuses a model on these findings only, so it runs only these rules; lint checks
   * that a rule without the mark never reports against the model.
   */
  aboutModel?: true;
}

/** A check run once per environment (the default). */
interface EnvironmentRule extends RuleInfo {
  scope?: "environment";
  check(ctx: RuleContext): Diagnostic[];
}

/** A check run once over every environment (the infrastructure layers, whose hosts are shared). */
export interface PlatformRule extends RuleInfo {
  scope: "platform";
  check(ctx: LintContext): Diagnostic[];
}

/** A check with a stable id. Every rule `lint` runs is listed in `src/pipeline/rules.ts`. */
export type Rule = EnvironmentRule | PlatformRule;
