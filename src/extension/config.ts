// The extension's settings (`entropyLens.*`), read in one typed place.
// Values are read when used (never cached across a change), and every reader is
// defensive: a hand-edited settings.json with a wrong type falls back to the default.
import * as vscode from 'vscode';
import { DEFAULT_LIMITS, type FinderLimits } from '../parse/types';

export type Unit = 'nats' | 'bits';
export type AutomaticFeature = 'hover' | 'codeLens' | 'diagnostics';

export const SECTION = 'entropyLens';

/** The languages that get automatic features unless the user says otherwise (package.json repeats it). */
export const DEFAULT_LANGUAGES: readonly string[] = [
  'python', 'jupyter', 'json', 'jsonc', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
  'julia', 'matlab', 'octave', 'r', 'c', 'cpp', 'java', 'csharp', 'rust', 'markdown', 'plaintext',
];

/**
 * Documents larger than this (UTF-16 code units) get no automatic features by
 * default. Where the finder reads large documents on a worker (a worker thread
 * in the Node host, a Web Worker on vscode.dev) the host's thread is held
 * ~20–40 ms per read whatever the size, so 16 MB; where it reads on the host's
 * own thread (no worker could start) at about 100 MB/s of number-dense text,
 * 4 MB keeps a re-read near the 50 ms the host can spare.
 */
export const DEFAULT_MAX_DOCUMENT_CHARS = { offThread: 16 * 1024 * 1024, onThread: 4 * 1024 * 1024 } as const;

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

export class EntropyLensConfig {
  /** @param readsOffThread whether large documents are read on a worker (sets the default size cap); asked each time, as a worker may turn out not to start. */
  constructor(private readonly readsOffThread: boolean | (() => boolean) = false) {}

  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  /** Unit of every figure shown: nats (natural log) or bits (log base 2). */
  get unit(): Unit {
    return this.section.get<string>('unit') === 'bits' ? 'bits' : 'nats';
  }

  /** eps for clipping predicted probabilities to [eps, 1 − eps]; undefined when off (the default). */
  get eps(): number | undefined {
    const eps = this.section.get<unknown>('eps');
    return typeof eps === 'number' && eps > 0 && eps < 0.5 ? eps : undefined;
  }

  /** Language ids that get automatic features (hover, code lens, diagnostics, status bar). */
  get languages(): readonly string[] {
    const value = this.section.get<unknown>('languages');
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value as string[] : DEFAULT_LANGUAGES;
  }

  /** Whether an automatic feature is on for a language (the settings are language-overridable). */
  enabled(feature: AutomaticFeature, languageId: string): boolean {
    if (!this.languages.includes(languageId)) return false;
    const value = vscode.workspace.getConfiguration(SECTION, { languageId }).get<unknown>(`${feature}.enabled`);
    return value !== false;
  }

  get statusBar(): boolean {
    return this.section.get<unknown>('statusBar.enabled') !== false;
  }

  /** Caps the array finder uses. */
  get limits(): FinderLimits {
    const s = this.section;
    return {
      maxElements: positiveInt(s.get('limits.maxElementsPerArray'), DEFAULT_LIMITS.maxElements),
      maxDepth: positiveInt(s.get('limits.maxNestingDepth'), DEFAULT_LIMITS.maxDepth),
      maxArrays: positiveInt(s.get('limits.maxArraysPerDocument'), DEFAULT_LIMITS.maxArrays),
    };
  }

  /** Documents above this many characters get no automatic features (the commands still work). */
  get maxDocumentChars(): number {
    const mb = this.section.get<unknown>('limits.maxDocumentSizeMB');
    if (typeof mb === 'number' && Number.isFinite(mb) && mb > 0) return Math.floor(mb * 1024 * 1024);
    const offThread = typeof this.readsOffThread === 'function' ? this.readsOffThread() : this.readsOffThread;
    return offThread ? DEFAULT_MAX_DOCUMENT_CHARS.offThread : DEFAULT_MAX_DOCUMENT_CHARS.onThread;
  }

  /** Fires when any `entropyLens.*` setting changes. */
  onDidChange(listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) listener();
    });
  }
}
