/**
 * Python-Markdown's definition lists (`def_list`, in an MkDocs site that
 * lists it): a paragraph of terms, then `:` and a definition, its further
 * lines and paragraphs indented four columns, is a `<dl>` of `<dt>` and
 * `<dd>`. The syntax is parsed by micromark-extension-definition-list (the
 * same rules: several terms, several definitions, loose and tight), its mdast
 * nodes become HTML by mdast-util-definition-list's handlers, which
 * processor.ts gives remark-rehype.
 */
import { defListFromMarkdown, defListToMarkdown } from 'mdast-util-definition-list'
import { defList } from 'micromark-extension-definition-list'
import type { Processor } from 'unified'

interface ProcessorData {
  micromarkExtensions?: unknown[]
  fromMarkdownExtensions?: unknown[]
  toMarkdownExtensions?: unknown[]
}

/** Read definition lists. */
export default function remarkDefList(this: Processor) {
  const data = this.data() as ProcessorData
  ;(data.micromarkExtensions ??= []).push(defList)
  ;(data.fromMarkdownExtensions ??= []).push(defListFromMarkdown)
  ;(data.toMarkdownExtensions ??= []).push(defListToMarkdown)
}
