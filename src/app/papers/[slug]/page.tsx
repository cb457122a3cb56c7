// A paper's own page: the full clean abstract and everything known about it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaperMeta } from "@/components/paper-meta";
import { getDb } from "@/server/db";
import { paperBySlug } from "@/server/paper-lookup";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const paper = await paperBySlug(await getDb(), (await params).slug);
  if (!paper) return { title: "Paper not found" };
  return { title: paper.title, description: paper.abstract.slice(0, 200) };
}

export default async function PaperPage({ params }: { params: Params }) {
  const paper = await paperBySlug(await getDb(), (await params).slug);
  if (!paper) notFound();
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <h1 className="font-serif text-2xl font-semibold leading-tight sm:text-3xl">{paper.title}</h1>
      <PaperMeta paper={paper} />
      <section aria-labelledby="abstract-heading" className="rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="abstract-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Abstract</h2>
        <p className="text-[16px] leading-relaxed">{paper.abstract}</p>
      </section>
    </article>
  );
}
