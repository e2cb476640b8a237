/**
 * A rehype plugin that runs on a note only when the note's text (includes
 * expanded) holds a marker its construct cannot be written without: a
 * GitHub alert or an Obsidian callout needs `[!`, a mermaid diagram the word
 * `mermaid`. Each of those transformers walks the whole tree, and most notes
 * hold none of these; the walk is all that is skipped, so the output is the
 * same either way.
 *
 * A plugin that makes such a construct itself, rather than reading the
 * author's, must not rely on a gated one to render it: the marker would not
 * be in the text.
 */
import type { Root } from 'hast'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'

/** A rehype plugin whose transformer answers synchronously. */
type SyncRehypePlugin<Options extends unknown[]> = (this: Processor, ...options: Options) => ((tree: Root, file: VFile) => void) | undefined | void

/** `plugin` (given `options`), whose transformer runs only on notes whose text includes `marker`. */
export function onlyWhen<Options extends unknown[]>(marker: string, plugin: SyncRehypePlugin<Options>, ...options: Options) {
  return function gated(this: Processor) {
    const transform = plugin.apply(this, options)
    if (!transform) return undefined
    // The gate takes no callback, so unified waits for none: a transformer that answers through one would be cut short.
    if (transform.length > 2) throw new Error(`onlyWhen: the transformer of ${plugin.name || 'a plugin'} takes a callback`)
    return (tree: Root, file: VFile) => {
      if (String(file.value).includes(marker)) transform(tree, file)
    }
  }
}
