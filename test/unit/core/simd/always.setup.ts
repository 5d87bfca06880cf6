// Runs a test file with the SIMD kernels on every typed array, however short (vitest.config.mts beside this).
import { setSimdMode } from '../../../../src/core/simd';

setSimdMode('always');
