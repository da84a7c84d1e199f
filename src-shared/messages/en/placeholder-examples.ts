import { placeholderExamples as da } from '../da/placeholder-examples';

/** Letters are Danish whatever the UI language: what a placeholder prints is shown as in Danish. */
export const placeholderExamples: Record<keyof typeof da, string> = { ...da };
