/**
 * Where the book sits in its git checkout: the repository root (includes may
 * read anywhere under it) and the book's folder within it, for edit links
 * derived from `git-repository-url`.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** The nearest folder at or above `dir` holding `.git` (a folder, or a worktree's file), if any. */
export function repositoryRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current
    if (path.dirname(current) === current) return undefined
  }
}

/**
 * The book's folder from the root of the repository `repositoryUrl` names
 * (`docs` for Wasmtime's book, `microbit` for Discovery's), or `` when the
 * book is that root. Only a checkout with a remote of that very repository
 * counts: a book inside some other repository (a copy kept in another
 * project, a test fixture) names its files from its own folder, as before.
 */
export function bookFolderInRepository(root: string, repositoryUrl: string | undefined): string {
  const top = repositoryRoot(root)
  if (!repositoryUrl || !top || top === root) return ''
  return checkoutOf(root, repositoryUrl) ? path.relative(top, root).split(path.sep).join('/') : ''
}

/**
 * The root of the git checkout holding `dir` when one of its remotes is the
 * repository `repositoryUrl` names (so its files are that repository's
 * files), else undefined.
 */
export function checkoutOf(dir: string, repositoryUrl: string | undefined): string | undefined {
  const top = repositoryRoot(dir)
  if (!repositoryUrl || !top) return undefined
  let remotes: string
  try {
    remotes = execFileSync('git', ['config', '--get-regexp', '^remote\\..*\\.url$'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return undefined
  }
  const wanted = repositoryKey(repositoryUrl)
  const named = remotes.split('\n').some((line) => {
    const url = line.trim().split(/\s+/)[1]
    return url !== undefined && repositoryKey(url) === wanted
  })
  return named ? top : undefined
}

/**
 * `host/owner/name` of a clone URL in any of git's spellings (`https://…`,
 * `git@host:owner/name.git`, `ssh://git@host/…`). npm's hosted-git-info reads
 * these spellings only for GitHub, GitLab, Bitbucket and gists; a book on
 * Codeberg or a company's own host would never match its remote.
 */
function repositoryKey(url: string): string {
  return url
    .trim()
    .replace(/^[a-z+]+:\/\//i, '')
    .replace(/^[^@/]+@/, '')
    .replace(/^([^/:]+):(?!\d+\/)/, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .toLowerCase()
}
