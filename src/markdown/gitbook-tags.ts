/**
 * GitBook's block tags: a line that is only `{% name key="value" %}` (or
 * `{% endname %}`), as GitBook's Git Sync writes hints, tabs, code titles,
 * embeds, page links and files. The line is a flow construct that, like a
 * heading, interrupts a paragraph, so a tag written right under a line of
 * text, or under a list item (`* item` then `{% endhint %}`), is a tag and not
 * that text's lazy continuation. A `{%` in code, a code block, HTML or mid-line
 * is not read.
 *
 * No library parses this syntax: the npm `gitbook-markdown` package is the
 * legacy GitBook 3 parser (kramed, not micromark) that leaves `{% %}` to its
 * Nunjucks templating, and no remark or micromark extension reads GitBook's
 * tags. So this module is a micromark extension and an
 * mdast-util-from-markdown extension, as remark-comments.ts is; the node it
 * makes, `gitbookTag`, is read (and removed) by remark-gitbook-blocks.ts.
 */
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown'
import { markdownLineEnding, markdownSpace } from 'micromark-util-character'
import { codes } from 'micromark-util-symbol'
import type { Code, Construct, Effects, Extension as MicromarkExtension, State } from 'micromark-util-types'
import type { Literal } from 'mdast'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    gitbookTag: 'gitbookTag'
  }
}

declare module 'mdast' {
  interface RootContentMap {
    gitbookTag: GitbookTagNode
  }
}

/** A tag line while the tree is built: its source, `{% hint style="info" %}`. */
export interface GitbookTagNode extends Literal {
  type: 'gitbookTag'
}

/** A line holding one `{% … %}` and nothing else but spaces after it. */
const tagLine: Construct = {
  name: 'gitbookTag',
  tokenize(effects: Effects, ok: State, nok: State): State {
    const start: State = (code: Code) => {
      if (code !== codes.leftCurlyBrace) return nok(code)
      effects.enter('gitbookTag')
      effects.consume(code)
      return percent
    }
    const percent: State = (code: Code) => {
      if (code !== codes.percentSign) return nok(code)
      effects.consume(code)
      return inside
    }
    const inside: State = (code: Code) => {
      if (code === codes.eof || markdownLineEnding(code)) return nok(code)
      effects.consume(code)
      return code === codes.percentSign ? closing : inside
    }
    const closing: State = (code: Code) => {
      if (code !== codes.rightCurlyBrace) return inside(code)
      effects.consume(code)
      return after
    }
    // Spaces may follow the tag; anything else means the `%}` was not the tag's end (`{% a %} b %}`).
    const after: State = (code: Code) => {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit('gitbookTag')
        return ok(code)
      }
      if (markdownSpace(code)) {
        effects.consume(code)
        return after
      }
      return inside(code)
    }
    return start
  },
}

/** The micromark extension: tag lines as `gitbookTag` tokens. */
export function gitbookTags(): MicromarkExtension {
  return { flow: { [codes.leftCurlyBrace]: tagLine } }
}

/** The mdast-util-from-markdown extension: a `gitbookTag` node holding the line's source. */
export function gitbookTagsFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      gitbookTag(this: CompileContext, token: Token) {
        this.enter({ type: 'gitbookTag', value: this.sliceSerialize(token).trim() }, token)
      },
    },
    exit: {
      gitbookTag(this: CompileContext, token: Token) {
        this.exit(token)
      },
    },
  }
}

/** A tag's name and attributes: `{% code title="a.c" lineNumbers="true" %}` → `code`, `{ title: 'a.c', lineNumbers: 'true' }`. */
export interface GitbookTag {
  name: string
  attributes: Record<string, string>
}

// Liquid's tag syntax, as GitBook writes it: a name, then `key="value"` pairs. A
// regular expression suffices for this one line; the blocks' nesting is read from the tree.
const TAG = /^\{%-?\s*([A-Za-z][\w-]*)\s*([\s\S]*?)\s*-?%\}$/
const ATTRIBUTE = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g

/** Read a tag line's name and attributes; undefined when it names nothing (`{% %}`). */
export function parseGitbookTag(source: string): GitbookTag | undefined {
  const match = TAG.exec(source.trim())
  if (!match) return undefined
  const attributes: Record<string, string> = {}
  for (const [, key, double, single, bare] of match[2]!.matchAll(ATTRIBUTE)) attributes[key!] = double ?? single ?? bare ?? ''
  return { name: match[1]!, attributes }
}
