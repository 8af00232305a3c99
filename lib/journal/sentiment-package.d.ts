// The `sentiment` package ships no types; this declares the part Proxima uses (v5, AFINN-165).
declare module "sentiment" {
  type AnalysisResult = {
    /** Sum of the AFINN scores (−5 … +5 each) of the words found, after negation handling. */
    score: number;
    /** score / number of tokens: comparable across short and long texts. */
    comparative: number;
    tokens: string[];
    words: string[];
    positive: string[];
    negative: string[];
  };
  class Sentiment {
    analyze(phrase: string, options?: { language?: string; extras?: Record<string, number> }): AnalysisResult;
  }
  export = Sentiment;
}
