import * as OpenCC from 'opencc-js';

const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** The simplified-Chinese form of a (traditional) name; other scripts pass through unchanged. */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

/**
 * The normalised key of a name, for exact look-up and de-duplication: simplified, NFKC,
 * lower-cased, without spaces, punctuation or symbols. "楊植麟", "杨植麟" and "楊 植麟" agree,
 * as do "Moonshot AI" and "moonshot-ai".
 */
export function nameKey(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Every searchable form of a name: as written, simplified, then the aliases; no repeats. */
export function nameForms(name: string, aliases: readonly string[] = []): string[] {
  const forms = [name, toSimplified(name)];
  for (const alias of aliases) forms.push(alias, toSimplified(alias));
  return [...new Set(forms)];
}
