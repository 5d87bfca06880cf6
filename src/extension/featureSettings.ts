// The features' plain settings shape, filled from the typed config. Hovers and
// lenses ask for it on every call, so it is a snapshot rebuilt only when an
// `entropyLens.*` setting changes (language overrides are still read live).
import type { EntropyLensConfig } from './config';
import type { FeatureSettings } from './features';

export function snapshotFeatureSettings(config: EntropyLensConfig): FeatureSettings {
  const limits = config.limits;
  return {
    unit: config.unit,
    languages: config.languages,
    enabled: (feature, languageId) => config.enabled(feature, languageId),
    statusBar: config.statusBar,
    model: { eps: config.eps, maxDocumentChars: config.maxDocumentChars, maxArrays: limits.maxArrays },
  };
}
