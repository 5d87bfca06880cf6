// The extension's settings (`entropyLens.*`, names in ids.ts), read in one
// typed place, as rust-analyzer's `Config`. Values are read when used (never
// cached across a change), and every reader is defensive: a hand-edited
// settings.json with a wrong type falls back to the default. The features get
// a plain snapshot (FeatureSettings) instead, so they never read VS Code settings.
import * as vscode from 'vscode';
import { DEFAULT_LIMITS, type FinderLimits } from '../parse/types';
import type { ModelSettings } from './features/model';
import { keyInSection, SECTION, SETTINGS, type Setting } from './ids';

export type Unit = 'nats' | 'bits';

/** The automatic features that can be turned off per language (`entropyLens.<feature>.enabled`). */
export type AutomaticFeature = 'hover' | 'codeLens' | 'diagnostics';

const ENABLED: Record<AutomaticFeature, Setting> = {
  hover: SETTINGS.hoverEnabled,
  codeLens: SETTINGS.codeLensEnabled,
  diagnostics: SETTINGS.diagnosticsEnabled,
};

/** What the features read from the settings, in one plain shape (a snapshot of Config). */
export interface FeatureSettings {
  unit: Unit;
  /** Language ids that get automatic features at all. */
  languages: readonly string[];
  enabled(feature: AutomaticFeature, languageId: string): boolean;
  statusBar: boolean;
  model: ModelSettings;
}

/**
 * Documents larger than this (UTF-16 code units) get no automatic features by
 * default. Where the finder reads large documents on a worker (a worker thread
 * in the Node host, a Web Worker on vscode.dev) the host's thread is held
 * ~20–40 ms per read whatever the size, so 16 MB; where it reads on the host's
 * own thread (no worker could start) at about 100 MB/s of number-dense text,
 * 4 MB keeps a re-read near the 50 ms the host can spare.
 */
export const DEFAULT_MAX_DOCUMENT_CHARS = { offThread: 16 * 1024 * 1024, onThread: 4 * 1024 * 1024 } as const;

/** 2·10^7 values: 80 MB as float32 (107 MB of base64), a few seconds end to end. */
export const DEFAULT_LIVE_MAX_ELEMENTS = 20_000_000;

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

export class Config {
  /** @param readsOffThread whether large documents are read on a worker (sets the default size cap); asked each time, as a worker may turn out not to start. */
  constructor(private readonly readsOffThread: boolean | (() => boolean) = false) {}

  private get<T = unknown>(setting: Setting, languageId?: string): T | undefined {
    const section =
      languageId === undefined
        ? vscode.workspace.getConfiguration(SECTION)
        : vscode.workspace.getConfiguration(SECTION, { languageId });
    return section.get<T>(keyInSection(setting));
  }

  /** The default package.json gives a setting: the one list of defaults, where a hand-edited value is unusable. */
  private defaultOf(setting: Setting): unknown {
    return vscode.workspace.getConfiguration(SECTION).inspect(keyInSection(setting))?.defaultValue;
  }

  /** Unit of every figure shown: nats (natural log) or bits (log base 2). */
  get unit(): Unit {
    return this.get(SETTINGS.unit) === 'bits' ? 'bits' : 'nats';
  }

  /** eps for clipping predicted probabilities to [eps, 1 − eps]; undefined when off (the default). */
  get eps(): number | undefined {
    const eps = this.get(SETTINGS.eps);
    return typeof eps === 'number' && eps > 0 && eps < 0.5 ? eps : undefined;
  }

  /** Language ids that get automatic features (hover, code lens, diagnostics, status bar). */
  get languages(): readonly string[] {
    const isList = (value: unknown): value is string[] =>
      Array.isArray(value) && value.every((v) => typeof v === 'string');
    const value = this.get(SETTINGS.languages);
    if (isList(value)) return value;
    const fallback = this.defaultOf(SETTINGS.languages);
    return isList(fallback) ? fallback : [];
  }

  /** Whether an automatic feature is on for a language (the settings are language-overridable). */
  enabled(feature: AutomaticFeature, languageId: string): boolean {
    if (!this.languages.includes(languageId)) return false;
    return this.get(ENABLED[feature], languageId) !== false;
  }

  get statusBar(): boolean {
    return this.get(SETTINGS.statusBarEnabled) !== false;
  }

  /** Caps the array finder uses. */
  get limits(): FinderLimits {
    return {
      maxElements: positiveInt(this.get(SETTINGS.maxElementsPerArray), DEFAULT_LIMITS.maxElements),
      maxDepth: positiveInt(this.get(SETTINGS.maxNestingDepth), DEFAULT_LIMITS.maxDepth),
      maxArrays: positiveInt(this.get(SETTINGS.maxArraysPerDocument), DEFAULT_LIMITS.maxArrays),
    };
  }

  /** Live values (read from a paused debugger) above this many elements are refused, with an offer to read their first part. */
  get liveMaxElements(): number {
    return positiveInt(this.get(SETTINGS.liveMaxElements), DEFAULT_LIVE_MAX_ELEMENTS);
  }

  /** Documents above this many characters get no automatic features (the commands still work). */
  get maxDocumentChars(): number {
    const mb = this.get(SETTINGS.maxDocumentSizeMB);
    if (typeof mb === 'number' && Number.isFinite(mb) && mb > 0) return Math.floor(mb * 1024 * 1024);
    const offThread = typeof this.readsOffThread === 'function' ? this.readsOffThread() : this.readsOffThread;
    return offThread ? DEFAULT_MAX_DOCUMENT_CHARS.offThread : DEFAULT_MAX_DOCUMENT_CHARS.onThread;
  }

  /**
   * The features' settings now. Hovers and lenses ask on every call, so the
   * extension keeps one and takes a new one when a setting changes; the
   * per-language switches are still read live.
   */
  snapshot(): FeatureSettings {
    const limits = this.limits;
    return {
      unit: this.unit,
      languages: this.languages,
      enabled: (feature, languageId) => this.enabled(feature, languageId),
      statusBar: this.statusBar,
      model: { eps: this.eps, maxDocumentChars: this.maxDocumentChars, maxArrays: limits.maxArrays },
    };
  }

  /** Fires when any `entropyLens.*` setting changes. */
  onDidChange(listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) listener();
    });
  }
}
