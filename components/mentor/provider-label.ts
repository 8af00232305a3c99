/** "grounded" or "model:<name>" (lib/ai/goals), as a person reads it. */
export function describeProvider(provider: string | null): string {
  if (!provider) return "an unrecorded source";
  if (provider === "grounded") return "the grounded copilot (computed from the data, no AI model)";
  if (provider.startsWith("model:")) return `the AI model ${provider.slice("model:".length)}`;
  return provider;
}
