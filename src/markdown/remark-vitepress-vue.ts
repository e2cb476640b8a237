/**
 * Vue in a VitePress page. VitePress compiles each page to a Vue component:
 * its `<script setup>` and `<style scoped>` blocks are hoisted out of the
 * page, and `{{ expression }}` in prose is evaluated. slugwiki runs no Vue:
 * the blocks are left out (their source is never shown), `{{
 * $frontmatter.title }}` is the frontmatter's value, as Vue would show it,
 * and any other expression stays as written. One `vue` warning per note says
 * so, at the first of them, listing the others' lines. An expression is
 * counted only in a Vue page (one with such a block) or when it names one
 * of Vue's page globals (`$page`, `$params`…): `{{date}}` in an Obsidian
 * template is text.
 *
 * No library reads Vue's template syntax in mdast; the expressions read
 * here are property paths only (`$frontmatter.key`, `$frontmatter['key']`),
 * nothing is evaluated.
 */
import type { Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** A Vue single-file component's block: `<script setup>`, `<script lang="ts">`, a script of imports and exports, `<style scoped|module|lang>`. */
const SFC_SCRIPT = /^<script\b[^>]*\b(?:setup|lang\s*=)/i
const SFC_SCRIPT_BODY = /^<script\b[^>]*>\s*(?:import|export)\b/i
const SFC_STYLE = /^<style\b[^>]*\b(?:scoped|module|lang\s*=)/i

/** `{{ … }}`: Vue's text interpolation. */
const MUSTACHE = /\{\{([\s\S]*?)\}\}/g
/** `$frontmatter.key`, `$frontmatter['key']`, `frontmatter.key` (the same object in a page's template). */
const FRONTMATTER = /^\s*\$?frontmatter(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"]*)\2\s*\])\s*$/

export default function remarkVitepressVue() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    if (!/<script|<style|\{\{/i.test(source)) return
    const found: Array<{ what: string; offset: number }> = []
    tree.children = tree.children.filter((node: RootContent) => {
      if (node.type !== 'html' || !(SFC_SCRIPT.test(node.value) || SFC_SCRIPT_BODY.test(node.value) || SFC_STYLE.test(node.value))) return true
      const tag = /^<[^>]*>/.exec(node.value)![0]
      found.push({ what: `${tag} block left out`, offset: node.position?.start.offset ?? 0 })
      return false
    })
    const frontmatter = file.data.frontmatter ?? {}
    const isVuePage = found.length > 0
    visit(tree, 'text', (node) => {
      if (!node.value.includes('{{')) return
      const start = node.position?.start.offset
      node.value = node.value.replace(MUSTACHE, (whole: string, expression: string) => {
        const path = FRONTMATTER.exec(expression)
        const value = path ? frontmatter[path[1] ?? path[3]!] : undefined
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value)
        if (!isVuePage && !expression.trim().startsWith('$')) return whole
        const at = start === undefined ? -1 : source.indexOf(whole, start)
        found.push({ what: `\`${whole}\` shown as written`, offset: at === -1 ? (start ?? 0) : at })
        return whole
      })
    })
    if (found.length === 0) return
    found.sort((a, b) => a.offset - b.offset)
    const first = pointAt(source, found[0]!.offset)
    const list = found.map((f) => `${f.what} (line ${pointAt(source, f.offset).line})`).join(', ')
    file.message(`Vue is not run: ${list}`, { start: first, end: first }, 'slugwiki:vue')
  }
}

/** The line and column (1-based) of an offset in `text`. */
function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1, offset }
}
