/** Types of bundle-patches.mjs, for the tests that import it. */
import type { Plugin } from 'esbuild'

export function withoutVisitNaming(source: string): string
export const bundlePatches: Plugin
