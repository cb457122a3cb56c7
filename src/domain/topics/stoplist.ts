// Stoplists for topic extraction. Function words never start or end a topic phrase. Filler words (the
// vocabulary every abstract uses about itself: "we propose a novel method with state-of-the-art
// results") may sit in a phrase ("large language model") but are never a topic alone, and a phrase
// made only of them ("experimental results") is no topic either.
const FUNCTION_WORDS = `a about above across after again against all also although among an and any are as at be
because been before being below between both but by can could did do does doing done down during each either
else even ever every few for from further had has have having he her here hers him his how however i if in
into is it its itself just least less let like made make makes many may me might more most much must my
neither no nor not now of off often on once one only onto or other others otherwise our ours out over own
per rather same several shall she should since so some such than that the their theirs them themselves then
there these they this those though through throughout thus to too toward towards under until up upon us
very via vs was we well were what whatever when where whereas whether which while who whom whose why will
with within without would yet you your two three four five first second third etc i.e e.g`;

const ACADEMIC_FILLER = `ability able abstract accuracy achieve achieved achieves achieving across address addresses
advantage allow allows alternative analysis analyze apply applied approach approaches art available based
baseline baselines benchmark benchmarks best better beyond challenge challenges challenging code common
compared comparison competitive comprehensive consider considered consistently contribution contributions
current demonstrate demonstrates demonstrated design designed despite different directly due effect effective
effectively efficiency efficient empirical empirically enable enables enhance especially evaluate evaluation
evidence example existing experiment experimental experiments extensive fact feature features find finding
findings framework further furthermore gain gains general given good great high higher highly hypothesis
idea important improve improved improvement improvements improves improving include including increase
increasing insight insights instead introduce introduced introduces investigate issue issues key known
large larger leading lead leads learn learned level leverage limited low lower main method methods model
models new novel number observe observed obtain offer open order outperform outperforms overall paper
particular particularly perform performance performs possible potential practical present presents previous
prior problem problems promising propose proposed proposes provide provides publicly range real recent
recently reduce reduced reducing remain remains require requires research result results reveal scale
show showing shown shows significant significantly similar simple single small solution specific
standard state strong structure studies study substantially success successful suggest superior task
tasks technique techniques terms theoretical time towards tool train trained training type types typically
understand understanding use used uses using various version way widely without work works yield yields
deep self process information mechanism optimal dataset datasets function functions https http github com www org
pre non multi sub inter via layer layers parameters parameter input inputs output outputs size`;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const FUNCTION_STOPWORDS: ReadonlySet<string> = words(FUNCTION_WORDS);
export const FILLER_WORDS: ReadonlySet<string> = words(ACADEMIC_FILLER);

/** Connectors allowed inside a phrase ("mixture of experts", "sparse and low-rank"), never at its ends. */
export const INNER_CONNECTORS: ReadonlySet<string> = new Set(["of", "and", "for", "in", "to"]);
