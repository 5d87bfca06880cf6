// The running extension: owns every disposable it registers (features,
// visualizer, commands) and the typed config they read.
import * as vscode from 'vscode';
import { Config, type FeatureSettings } from './config';
import { registerComputeCommands } from './commands';
import { Disposable } from './disposable';
import { DISPLAY_NAME } from './ids';
import { createEngine, registerHostFeatures, type Features } from './features';
import { createOffThreadFinder, type OffThreadFinder } from './offThread/offThreadFinder';
import { createWebOffThreadFinder } from './offThread/webWorker';
import {
  createOffThreadCompute,
  createWebOffThreadCompute,
  liveOutcomeRunner,
  type OffThreadCompute,
} from './offThread/offThreadCompute';
import { AdapterAnswers } from './live/adapterAnswers';
import { registerVisualizer, type Visualizer } from './visualizer';
import { LiveLossLenses } from './live/liveLenses';
import { LiveVisualizerFollow } from './live/liveFollow';
import { CdpProxyParts } from './live/cdpProxy';

export class EntropyLens extends Disposable {
  readonly config: Config;
  readonly features: Features;
  /** The finder's worker: a worker thread in the Node host, a Web Worker in the web-worker host. */
  readonly offThreadFinder: OffThreadFinder | undefined;
  /** The live compute's worker (large values from a debugger), started at its first use. */
  readonly offThreadCompute: OffThreadCompute | undefined;
  /** Evaluate answers taken from debug adapters' messages (tests read how many). */
  readonly adapterAnswers: AdapterAnswers;
  /** The visualizer's view, editor panel and shared pair. */
  readonly visualizer: Visualizer;
  /** A live pair in the visualizer, read again at each stop. */
  readonly liveFollow: LiveVisualizerFollow;
  /** The parts of large JavaScript values, read over js-debug's CDP proxy. */
  readonly cdpParts = new CdpProxyParts();
  private settings: FeatureSettings;

  constructor(extensionUri: vscode.Uri) {
    super();
    // Large documents are read on a worker: a worker thread in the Node host, a Web
    // Worker in the web-worker host (vscode.dev). Where that worker cannot start, the
    // features read on the host's thread, with the lower size cap, and say so once.
    // One output channel for the whole extension: the commands' log and the finder's notices.
    const output = this._register(vscode.window.createOutputChannel(DISPLAY_NAME));
    const limits = () => this.config.limits;
    const onUnavailable = (reason: string) => {
      output.appendLine(
        `The array finder's worker is not available (${reason}); large documents are read on the extension host's thread, up to ${this.config.maxDocumentChars / 1024 / 1024} MB.`,
      );
      this.settings = this.config.snapshot();
    };
    const webScript = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'finderWorker.js');
    const finder =
      createOffThreadFinder(vscode.Uri.joinPath(extensionUri, 'dist', 'finderWorker.js').fsPath, limits, {
        onUnavailable,
      }) ?? createWebOffThreadFinder(() => loadScript(webScript), limits, { onUnavailable });
    this.config = new Config(() => finder?.available ?? false);
    this.settings = this.config.snapshot();
    this._register(
      this.config.onDidChange(() => {
        this.settings = this.config.snapshot();
      }),
    );
    const engine = createEngine(() => this.config.limits);
    const register = <T extends vscode.Disposable>(d: T): T => this._register(d);
    if (finder) register(finder);
    this.offThreadFinder = finder;

    this.features = registerHostFeatures({
      register,
      settings: () => this.settings,
      onDidChangeSettings: (listener) => this.config.onDidChange(listener),
      engine,
      offThread: finder && ((text, languageId, key) => finder.find(text, languageId, key)),
    });

    const computeSettings = () => ({ unit: this.config.unit, eps: this.config.eps });
    const log = (line: string) => output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
    const computeOptions = {
      onUnavailable: (reason: string) =>
        log(
          `The live compute's worker is not available (${reason}); large live values are computed on the extension host's thread.`,
        ),
    };
    const computeScript = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'computeWorker.js');
    const computer =
      createOffThreadCompute(vscode.Uri.joinPath(extensionUri, 'dist', 'computeWorker.js').fsPath, computeOptions) ??
      createWebOffThreadCompute(() => loadScript(computeScript), computeOptions);
    if (computer) register(computer);
    this.offThreadCompute = computer;
    const liveOutcome = liveOutcomeRunner(computer, log);
    const prepareLiveOutcome = computer && ((elements: number) => computer.prepare(elements));
    // Large JavaScript values' parts over js-debug's CDP proxy, where this host can reach it.
    const directParts = CdpProxyParts.available ? this.cdpParts.open : undefined;
    // Every debug type: reads take their answers from the adapter's messages (adapterAnswers.ts).
    const adapterAnswers = new AdapterAnswers();
    register(vscode.debug.registerDebugAdapterTrackerFactory('*', adapterAnswers));
    this.adapterAnswers = adapterAnswers;
    registerComputeCommands({
      register,
      extensionUri,
      config: this.config,
      log,
      liveOutcome,
      prepareLiveOutcome,
      liveDirectParts: directParts,
      adapterAnswers,
      onLiveVisualized: (kind, request, payload) => this.liveFollow.follow(kind, request, payload),
    });

    // While paused: what each loss call of the paused function is about to return.
    const liveLenses = register(
      new LiveLossLenses({
        enabled: (languageId) => this.settings.enabled('codeLens', languageId),
        settings: computeSettings,
        maxElements: () => this.config.liveMaxElements,
        log,
        answers: adapterAnswers,
      }),
    );
    register(vscode.languages.registerCodeLensProvider({ scheme: 'file' }, liveLenses));
    register(this.config.onDidChange(() => liveLenses.refresh()));

    const subscriptions: { dispose(): unknown }[] = [];
    this.visualizer = registerVisualizer({ extensionUri, subscriptions });
    subscriptions.forEach((d) => this._register(d));

    this.liveFollow = register(
      new LiveVisualizerFollow({
        settings: computeSettings,
        maxElements: () => this.config.liveMaxElements,
        log,
        outcome: liveOutcome,
        prepareOutcome: prepareLiveOutcome,
        directParts,
        visualizedLabel: () => this.visualizer.shared.pair?.label,
        answers: adapterAnswers,
      }),
    );
  }
}

/** The web worker's script: fetch() reaches the extension's files wherever they are (VS Code maps vscode-remote: and file: for it); workspace.fs if not. */
async function loadScript(uri: vscode.Uri): Promise<string | Uint8Array> {
  try {
    const response = await fetch(uri.toString(true));
    if (response.ok) return await response.text();
  } catch {
    /* try the file system below */
  }
  return vscode.workspace.fs.readFile(uri);
}
