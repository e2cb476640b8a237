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
  const wanted = repositoryKey(repositoryUrl)
  return remotesOf(dir).some((remote) => repositoryKey(remote.url) === wanted) ? top : undefined
}

/** Hosts whose pages of a repository's files follow from the repository's URL alone. */
const KNOWN_HOSTS = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org'])

/**
 * The web URL (`https://github.com/o/r`) of the repository the git checkout
 * holding `dir` was cloned from: its `origin` remote, else its only one,
 * when that is on GitHub, GitLab, Codeberg or Bitbucket; else undefined. A
 * folder of docs in a clone (WAMR's `doc/`) thus links its sources as GitHub
 * shows them without a setting; a remote on a host of one's own says nothing
 * of its URLs (a Gitea's differ from a GitLab's), so it needs `repository`.
 */
export function remoteRepository(dir: string): string | undefined {
  if (!repositoryRoot(dir)) return undefined
  const remotes = remotesOf(dir)
  const remote = remotes.find((candidate) => candidate.name === 'origin') ?? (remotes.length === 1 ? remotes[0] : undefined)
  if (!remote) return undefined
  const place = repositoryPath(remote.url)
  const [host, ...names] = place.split('/')
  return host && KNOWN_HOSTS.has(host.toLowerCase()) && names.length >= 2 && names.every(Boolean) ? `https://${place}` : undefined
}

/** The checkout's remotes (`git config remote.<name>.url`), none when git cannot say. */
function remotesOf(dir: string): { name: string; url: string }[] {
  let config: string
  try {
    config = execFileSync('git', ['config', '--get-regexp', '^remote\\..*\\.url$'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return []
  }
  return config.split('\n').flatMap((line) => {
    const match = /^remote\.(.+)\.url\s+(\S+)/.exec(line.trim())
    return match ? [{ name: match[1]!, url: match[2]! }] : []
  })
}

/**
 * `host/owner/name` of a clone URL in any of git's spellings (`https://…`,
 * `git@host:owner/name.git`, `ssh://git@host/…`). npm's hosted-git-info reads
 * these spellings only for GitHub, GitLab, Bitbucket and gists; a book on
 * Codeberg or a company's own host would never match its remote.
 */
function repositoryKey(url: string): string {
  return repositoryPath(url).toLowerCase()
}

/** `host/owner/name` of a clone URL as written (see `repositoryKey`), its case kept. */
function repositoryPath(url: string): string {
  return url
    .trim()
    .replace(/^[a-z+]+:\/\//i, '')
    .replace(/^[^@/]+@/, '')
    .replace(/^([^/:]+):(?!\d+\/)/, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
}
