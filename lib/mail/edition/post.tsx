import { formatDate } from "@/lib/format";
import { EmailArticle } from "./article";
import { EmailLayout } from "./layout";
import { TEST_PREFIX } from "./issue";
import { oneLine, preheaderFrom, renderParts } from "./render";
import { s } from "./styles";
import type { PostEditionData, RenderOptions, RenderedEdition } from "./types";

/** "Tankar om vintern – Kommunchefens blogg" */
export function postSubject(post: Pick<PostEditionData, "blogName"> & { title: string }): string {
  return `${oneLine(post.title)} – ${oneLine(post.blogName)}`;
}

/** The e-mail of one newly published blog post, in the look; pure, rendered once per post. */
export async function renderPostEmail(data: PostEditionData, options: RenderOptions = {}): Promise<RenderedEdition> {
  const subject = `${options.test ? TEST_PREFIX : ""}${postSubject({ title: data.post.title, blogName: data.blogName })}`;
  const preheader = preheaderFrom(data.post.lead);
  const { html, text } = await renderParts(
    <EmailLayout title={subject} preheader={preheader} test={!!options.test} webUrl={data.post.url} subscribedTo={data.blogName}>
      <p style={s.kicker}>{data.blogName}</p>
      <EmailArticle text={data.post} origin={data.origin} images={data.images} level={1} meta={data.publishedAt ? formatDate(data.publishedAt) : undefined} />
    </EmailLayout>,
  );
  return { subject, preheader, html, text };
}
