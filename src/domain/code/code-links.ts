// Repository links (GitHub, GitLab, Hugging Face) named in a paper's text, normalised to the repository's
// own address: "Code is at https://github.com/microsoft/LoRA." links https://github.com/microsoft/LoRA.

/** A path segment of a repository name; dots are allowed inside ("a.b"), a final dot is punctuation. */
const SEGMENT = String.raw`[A-Za-z0-9_][A-Za-z0-9_.-]*`;
const SCHEME = String.raw`(?:https?://)?(?:www\.)?`;

const GITHUB = new RegExp(String.raw`\b${SCHEME}github\.com/(${SEGMENT})/(${SEGMENT})`, "gi");
// A project site "owner.github.io/repo" is published from github.com/owner/repo (GitHub Pages' own rule).
const GITHUB_PAGES = new RegExp(String.raw`\b(?:https?://)?([A-Za-z0-9-]+)\.github\.io/(${SEGMENT})`, "gi");
// GitLab groups nest ("group/subgroup/project"); "/-/" starts the project's own pages (tree, blob, issues).
const GITLAB = new RegExp(String.raw`\b${SCHEME}gitlab\.com/(${SEGMENT}(?:/${SEGMENT})+)`, "gi");
const HUGGING_FACE = new RegExp(
  String.raw`\b${SCHEME}huggingface\.co/((?:datasets/|spaces/)?)(${SEGMENT})/(${SEGMENT})`,
  "gi",
);

/** Hugging Face pages that are not a model, dataset or space (papers, docs, a user's collections...). */
const HF_NON_REPOSITORY = new Set([
  "papers",
  "docs",
  "blog",
  "learn",
  "posts",
  "collections",
  "organizations",
  "settings",
  "models",
  "tasks",
]);
/** GitHub pages under the site's own names rather than an owner's. */
const GITHUB_NON_OWNER = new Set([
  "features",
  "about",
  "orgs",
  "topics",
  "sponsors",
  "marketplace",
  "settings",
  "login",
]);

/** A repository name without what sentences and clone URLs add to its end ("repo." "repo.git"). */
function repositoryName(segment: string): string {
  return segment
    .replace(/\.+$/, "")
    .replace(/\.git$/i, "")
    .replace(/\.+$/, "");
}

interface Found {
  index: number;
  url: string;
}

function githubLinks(text: string): Found[] {
  return [...text.matchAll(GITHUB), ...text.matchAll(GITHUB_PAGES)].flatMap((m) => {
    const owner = m[1]!;
    const repo = repositoryName(m[2]!);
    if (GITHUB_NON_OWNER.has(owner.toLowerCase()) || repo === "") return [];
    return [{ index: m.index, url: `https://github.com/${owner}/${repo}` }];
  });
}

function gitlabLinks(text: string): Found[] {
  return [...text.matchAll(GITLAB)].flatMap((m) => {
    const segments = m[1]!.split("/");
    const last = repositoryName(segments.pop()!);
    if (last === "") return [];
    return [{ index: m.index, url: `https://gitlab.com/${[...segments, last].join("/")}` }];
  });
}

function huggingFaceLinks(text: string): Found[] {
  return [...text.matchAll(HUGGING_FACE)].flatMap((m) => {
    const [kind, owner, name] = [m[1]!.toLowerCase(), m[2]!, repositoryName(m[3]!)];
    if ((kind === "" && HF_NON_REPOSITORY.has(owner.toLowerCase())) || name === "") return [];
    return [{ index: m.index, url: `https://huggingface.co/${kind}${owner}/${name}` }];
  });
}

/** Every repository link in the text, in order of appearance, without repeats. */
export function codeLinksIn(text: string): string[] {
  const found = [...githubLinks(text), ...gitlabLinks(text), ...huggingFaceLinks(text)].sort(
    (a, b) => a.index - b.index,
  );
  return [...new Set(found.map((f) => f.url))];
}

/** A repository address given as such (an import's "github repo" field), normalised; null if it is not one. */
export function repositoryUrl(given: string | null | undefined): string | null {
  if (!given) return null;
  const [url] = codeLinksIn(given.trim());
  return url ?? null;
}

/**
 * The paper's code link: the repository an import names, else the first one in the comment (arXiv's
 * "Code: ..."), else the first one in the abstract.
 */
export function paperCodeUrl(paper: {
  codeUrl?: string | null;
  comment?: string | null;
  abstract: string;
}): string | null {
  return repositoryUrl(paper.codeUrl) ?? codeLinksIn(paper.comment ?? "")[0] ?? codeLinksIn(paper.abstract)[0] ?? null;
}
