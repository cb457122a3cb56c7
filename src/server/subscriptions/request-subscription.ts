// A subscribe request: records consent and sends the right mail, with the same outcome for the caller whatever the
// address's state, so the answer never tells anyone who is subscribed.
import { alreadySubscribedEmail } from "@/emails/already-subscribed";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/mail-types";
import { sign } from "@/server/secrets";
import { findSubscriberByEmail } from "./find-by-email";
import { newManageNonce, subscriberLinks } from "./links";
import { sendConfirmation } from "./send-confirmation";

export interface SubscriptionRequest {
  db: Db;
  mailer: Mailer;
  now: Date;
  appUrl: string;
  /** Already normalised (domain/subscription/email-address). */
  email: string;
  topics: string[];
  ip: string;
  userAgent: string | null;
}

export async function requestSubscription(request: SubscriptionRequest): Promise<void> {
  const { db, now, email } = request;
  const consent = {
    consentAt: now,
    // Keyed hash: proves which address consented without keeping a reversible IP.
    consentIpHash: sign("consent-ip", request.ip),
    consentUserAgent: request.userAgent?.slice(0, 300) ?? null,
  };
  let subscriber = await findSubscriberByEmail(db, email);
  if (!subscriber) {
    try {
      subscriber = await db.subscriber.create({
        data: {
          email,
          status: "pending",
          topics: JSON.stringify(request.topics),
          createdAt: now,
          manageTokenHash: newManageNonce(),
          confirmPending: true,
          ...consent,
        },
      });
    } catch (error) {
      // Two requests for a new address at once: the other one created it; carry on as a repeat.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      subscriber = await db.subscriber.findUniqueOrThrow({ where: { email } });
    }
  } else if (subscriber.status === "active" || subscriber.status === "paused") {
    const links = subscriberLinks(subscriber, request.appUrl);
    await request.mailer
      .send({ to: email, ...alreadySubscribedEmail({ manageUrl: links.manageUrl, appUrl: request.appUrl }) })
      .catch(() => undefined); // A courtesy note; the subscription itself is unaffected if it fails.
    return;
  } else {
    // Pending or unsubscribed: this request is the one a confirmation will prove.
    await db.subscriber.update({
      where: { id: subscriber.id },
      data: { status: "pending", topics: JSON.stringify(request.topics), confirmAttempts: 0, ...consent },
    });
  }
  await sendConfirmation({ db, mailer: request.mailer, now, appUrl: request.appUrl, subscriberId: subscriber.id });
}
