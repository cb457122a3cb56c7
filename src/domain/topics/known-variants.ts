// Spellings the field uses for one idea that extraction cannot always pair by itself (a corpus may
// say "LoRA" without ever spelling out "low-rank adaptation (LoRA)"). The first entry is the label.
// They apply only when one of the forms is already a topic of the corpus.
export const KNOWN_VARIANTS: readonly (readonly string[])[] = [
  ["low-rank adaptation", "LoRA"],
  ["mixture of experts", "MoE", "mixture-of-experts"],
  ["Kolmogorov-Arnold networks", "KAN", "Kolmogorov-Arnold network"],
  ["state space models", "SSM", "state-space models"],
  ["parameter-efficient fine-tuning", "PEFT"],
  ["large language models", "LLM"],
  ["sparse autoencoders", "SAE"],
  ["fine-tuning", "finetuning"],
  ["mechanistic interpretability", "mech interp"],
];
