// /authors/[slug]: an author's papers in trending order and the topics they write about, with the same
// query as a feed (/feed.xml?author=…) and an API call (/api/papers?author=…).
import type { GetServerSideProps } from "next";
import { notFoundProps, orNotFound, type NotFoundProps } from "@/components/not-found-page";
import { PaperCard } from "@/components/paper-card";
import { ScopeLinks } from "@/components/scope-links";
import { SitePage } from "@/components/site-page";
import { TopicChips } from "@/components/topic-chips";
import { feedAlternates } from "@/domain/feed-links";
import { env } from "@/env";
import { loadAuthorPage } from "@/server/papers/author-page";
import { getStore } from "@/server/store/open-store";
import { authorPageView, type AuthorPageView } from "@/view-models/author-page";

export const config = { unstable_runtimeJS: false };

const PAGE_SIZE = 50;

interface Props {
  page: AuthorPageView;
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props | NotFoundProps, { slug: string }> = async ({
  params,
  res,
}) => {
  const page = await loadAuthorPage(await getStore(), params?.slug ?? "", PAGE_SIZE);
  if (!page) return notFoundProps(res);
  return { props: { page: authorPageView(page), appUrl: env().appUrl } };
};

export default orNotFound(AuthorRoute);

function AuthorRoute({ page, appUrl }: Props) {
  const scope = { author: [page.name] };
  const head = {
    appUrl,
    title: page.name,
    description: `Papers by ${page.name} on paper-digest, in trending order.`,
    canonical: `/authors/${page.slug}`,
    feeds: feedAlternates(scope),
  };
  return (
    <SitePage head={head}>
      <div className="space-y-5">
        <section className="space-y-1">
          <p className="text-sm text-stone-600 dark:text-stone-400">Author</p>
          <h1 className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">{page.name}</h1>
          <p className="text-stone-600 dark:text-stone-400">
            <span data-testid="author-paper-count">
              {page.paperCount} {page.paperCount === 1 ? "paper" : "papers"}
            </span>
            {" · "}
            <ScopeLinks scope={scope} emailLabel="Get their papers by email" />
          </p>
        </section>
        {page.topics.length > 0 && (
          <TopicChips
            topics={page.topics.map(({ slug, label, papers }) => ({ slug, label, paperCount: papers }))}
            label="Their topics"
          />
        )}
        <ol className="space-y-3" aria-label={`Papers by ${page.name}, trending first`}>
          {page.papers.map((paper, i) => (
            <li key={paper.id}>
              <PaperCard paper={paper} rank={i + 1} />
            </li>
          ))}
        </ol>
      </div>
    </SitePage>
  );
}
