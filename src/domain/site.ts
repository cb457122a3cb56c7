// The site's name and default title and description, shared by both routers' page heads.
export const SITE_NAME = "paper-digest";
export const SITE_TITLE = "paper-digest: trending research papers";
export const SITE_DESCRIPTION =
  "Trending research papers with an explainable ranking, search by topic, and a daily email digest.";
