/**
 * Obsidian's comments: `%%…%%` is dropped from the note, as Obsidian and
 * Quartz drop it. Inline (`text %%hidden%% more`, which may run over the
 * lines of a paragraph) it is a text construct; a line starting with `%%`
 * opens a block comment that ends on a line ending with `%%`, a flow
 * construct that may hold anything (lists, headings, `[[links]]`). The first
 * `%%` after the opening one closes it; an unclosed `%%` stays text, as
 * Obsidian shows it, and `%%` in code, a code block or HTML is not read.
 *
 * No library parses this syntax: remark-comments (zmarkdown) reads only
 * `<--COMMENTS … COMMENTS-->` and is written for the remark 12 tokenizers
 * micromark replaced, remark-comment reads MDX's `<!-- -->`, and Quartz
 * removes `%%` with a regular expression over the note's source (code
 * included). So this module is a micromark extension and an
 * mdast-util-from-markdown extension, as micromark-extension-highlight-mark
 * and the `wikiEmbed` construct of remark-wikilinks.ts are. The comment
 * never becomes a node of the finished tree: the parser's own tree
 * transform takes it out, so no plugin (links, tags, headings, topics,
 * search) ever sees its text, an admonish block's body (parsed on its own)
 * included.
 */
import type { Paragraph, Parent, Root, Text } from 'mdast'
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown'
import { markdownLineEnding, markdownSpace } from 'micromark-util-character'
import { codes, types } from 'micromark-util-symbol'
import type { Code, Construct, Effects, Extension as MicromarkExtension, ParseContext, State, TokenizeContext } from 'micromark-util-types'
import type { Point } from 'unist'
import type { Processor } from 'unified'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    obsidianComment: 'obsidianComment'
    obsidianCommentMarker: 'obsidianCommentMarker'
    obsidianCommentValue: 'obsidianCommentValue'
    obsidianCommentLookahead: 'obsidianCommentLookahead'
  }
}

/** The node a comment is while the tree is built; the parser's transform removes it. */
const COMMENT = 'obsidianComment'

/** Lines (of one parse) whose opening `%%` the document found closed at a line's end. */
type ClosedLines = WeakMap<ParseContext, Set<number>>

/** The closing `%%`, as a marker. */
const closingMarker: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    return (code) => {
      if (code !== codes.percentSign) return nok(code)
      effects.enter('obsidianCommentMarker')
      effects.consume(code)
      return (second: Code) => {
        if (second !== codes.percentSign) return nok(second)
        effects.consume(second)
        effects.exit('obsidianCommentMarker')
        return ok
      }
    }
  },
}

/** A line ending followed by a line of the same containers (not a lazy line of a quote or list). */
const nonLazyLineEnding: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const self = this
    return (code) => {
      if (!markdownLineEnding(code)) return nok(code)
      effects.enter(types.lineEnding)
      effects.consume(code)
      effects.exit(types.lineEnding)
      return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : ok(next))
    }
  },
}

/**
 * Whether the `%%` opening a line is closed at a line's end, read from the
 * document's own text. The flow construct is concrete (a `- item` inside a
 * block comment starts no list), so a line it passes over is never read for
 * a list or quote again: it must know the comment closes before it starts.
 * The flow tokenizer sees one line at a time; the document tokenizer, which
 * tries this construct at the start of each line, has the whole text. It
 * never succeeds: it only notes the line in `closed`.
 */
function lookahead(closed: ClosedLines): Construct {
  return {
    name: 'obsidianCommentLookahead',
    tokenize(effects, _ok, nok) {
      const self = this
      const line = self.now().line
      return (code) => {
        if (code !== codes.percentSign) return nok(code)
        effects.enter('obsidianCommentLookahead')
        effects.consume(code)
        return second
      }
      function second(code: Code): State | undefined {
        if (code !== codes.percentSign) return nok(code)
        effects.consume(code)
        return inside
      }
      function inside(code: Code): State | undefined {
        if (code === codes.eof) return nok(code)
        effects.consume(code)
        return code === codes.percentSign ? percent : inside
      }
      function percent(code: Code): State | undefined {
        if (code !== codes.percentSign) return inside(code)
        effects.consume(code)
        return trailing
      }
      function trailing(code: Code): State | undefined {
        if (markdownSpace(code)) {
          effects.consume(code)
          return trailing
        }
        if (code === codes.eof || markdownLineEnding(code)) {
          let lines = closed.get(self.parser)
          if (!lines) closed.set(self.parser, (lines = new Set()))
          lines.add(line)
        }
        return nok(code)
      }
    },
  }
}

/** `%%`, then anything up to the next `%%`: at a line's end for a block comment (`flow`), anywhere for an inline one. */
function comment(flow: boolean, closed: ClosedLines): Construct {
  return {
    name: 'obsidianComment',
    concrete: flow,
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State) {
      const self = this
      return (code) => {
        if (code !== codes.percentSign) return nok(code)
        if (flow && !closed.get(self.parser)?.has(self.now().line)) return nok(code)
        effects.enter('obsidianComment')
        effects.enter('obsidianCommentMarker')
        effects.consume(code)
        return second
      }
      function second(code: Code): State | undefined {
        if (code !== codes.percentSign) return nok(code)
        effects.consume(code)
        effects.exit('obsidianCommentMarker')
        return between
      }
      /** Outside a run of the comment's text. */
      function between(code: Code): State | undefined {
        if (code === codes.eof) return nok(code)
        if (markdownLineEnding(code)) {
          // A block comment stops where its quote or list does: unclosed there, so no comment.
          if (flow) return effects.attempt(nonLazyLineEnding, between, nok)(code)
          effects.enter(types.lineEnding)
          effects.consume(code)
          effects.exit(types.lineEnding)
          return between
        }
        if (code === codes.percentSign) return effects.attempt(closingMarker, after, value)(code)
        return value(code)
      }
      /** The first character of a run of text, which may be a `%` that closes nothing. */
      function value(code: Code): State | undefined {
        effects.enter('obsidianCommentValue')
        effects.consume(code)
        return valueRest
      }
      function valueRest(code: Code): State | undefined {
        if (code === codes.eof || code === codes.percentSign || markdownLineEnding(code)) {
          effects.exit('obsidianCommentValue')
          return between(code)
        }
        effects.consume(code)
        return valueRest
      }
      function after(code: Code): State | undefined {
        if (!flow) {
          effects.exit('obsidianComment')
          return ok(code)
        }
        if (markdownSpace(code)) {
          effects.enter(types.whitespace)
          return trailing(code)
        }
        return end(code)
      }
      function trailing(code: Code): State | undefined {
        if (markdownSpace(code)) {
          effects.consume(code)
          return trailing
        }
        effects.exit(types.whitespace)
        return end(code)
      }
      /** A block comment ends its line; `%%` with text after it is an inline one. */
      function end(code: Code): State | undefined {
        if (code !== codes.eof && !markdownLineEnding(code)) return nok(code)
        effects.exit('obsidianComment')
        return ok(code)
      }
    },
  }
}

/** The micromark extension: block and inline comments (`closed` is shared by the lookahead and the block comment). */
export function obsidianComments(): MicromarkExtension {
  const closed: ClosedLines = new WeakMap()
  return {
    document: { [codes.percentSign]: lookahead(closed) },
    flow: { [codes.percentSign]: comment(true, closed) },
    text: { [codes.percentSign]: comment(false, closed) },
  }
}

/** Where a comment stood: its parent, and the parent's parent (to drop a paragraph left empty). */
type Places = Map<Parent, Parent | undefined>

/** Blocks whose text micromark trims at both ends, and so should stay trimmed when a comment at an end goes. */
const TRIMMED = new Set(['paragraph', 'heading', 'tableCell'])

/** `point` moved past `text`. */
function advance(point: Point, text: string): Point {
  const lines = text.split('\n')
  const last = lines.at(-1)!
  return {
    line: point.line + lines.length - 1,
    column: lines.length > 1 ? last.length + 1 : point.column + last.length,
    ...(point.offset !== undefined && { offset: point.offset + text.length }),
  }
}

/** Trim `node`'s value at its start or end, keeping its position that of what is left. */
function trim(node: Text, start: boolean): void {
  const value = start ? node.value.trimStart() : node.value.trimEnd()
  if (value === node.value) return
  if (node.position) {
    const from = start ? advance(node.position.start, node.value.slice(0, node.value.length - value.length)) : node.position.start
    node.position = { start: from, end: advance(from, value) }
  }
  node.value = value
}

/** Remove the children of `parent` that `drop` picks, in place: a link shares its children's array with the label it was built from. */
function removeChildren(parent: Parent, drop: (child: Parent['children'][number]) => boolean): void {
  const children = parent.children
  for (let index = children.length - 1; index >= 0; index--) if (drop(children[index]!)) children.splice(index, 1)
}

/** Take the comments out of `parent`; a paragraph that was nothing but comments goes too. */
function removeFrom(parent: Parent, grandparent: Parent | undefined): void {
  removeChildren(parent, (child) => child.type === (COMMENT as string))
  if (!TRIMMED.has(parent.type)) return
  const first = parent.children[0]
  if (first?.type === 'text') trim(first, true)
  const last = parent.children.at(-1)
  if (last?.type === 'text') trim(last, false)
  removeChildren(parent, (child) => child.type === 'text' && child.value === '')
  if (parent.type === 'paragraph' && parent.children.length === 0 && grandparent) {
    removeChildren(grandparent, (child) => child === (parent as Paragraph))
  }
}

/** The mdast-util-from-markdown extension: a comment is a node while the tree is built (so the text around it stays two nodes at their places), removed at the end. */
export function obsidianCommentsFromMarkdown(): FromMarkdownExtension {
  const found = new WeakMap<Root, Places>()
  return {
    enter: {
      obsidianComment(this: CompileContext, token: Token) {
        this.enter({ type: COMMENT } as never, token)
      },
    },
    exit: {
      obsidianComment(this: CompileContext, token: Token) {
        const parent = this.stack.at(-2) as Parent
        const grandparent = this.stack.at(-3) as Parent | undefined
        this.exit(token)
        const root = this.stack[0] as Root
        let places = found.get(root)
        if (!places) found.set(root, (places = new Map()))
        places.set(parent, grandparent)
      },
    },
    transforms: [
      (tree: Root) => {
        const places = found.get(tree)
        if (!places) return
        found.delete(tree)
        for (const [parent, grandparent] of places) removeFrom(parent, grandparent)
      },
    ],
  }
}

interface ProcessorData {
  micromarkExtensions?: unknown[]
  fromMarkdownExtensions?: unknown[]
}

/** Drop Obsidian's `%% comments %%` from the note. */
export default function remarkComments(this: Processor) {
  const data = this.data() as ProcessorData
  ;(data.micromarkExtensions ??= []).push(obsidianComments())
  ;(data.fromMarkdownExtensions ??= []).push(obsidianCommentsFromMarkdown())
}
