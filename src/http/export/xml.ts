/**
 * Just enough XML for streamed GraphML and GEXF: escaping for text and attribute values, and one
 * start tag at a time. (xmlbuilder2's streaming writer leaves line breaks in attribute values raw,
 * which parsers turn into spaces, and leaves text like "&amp;" unescaped; so not that.)
 */

/** Characters XML 1.0 forbids anywhere (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

export function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** For double-quoted attribute values; line breaks and tabs survive attribute normalisation. */
export function escapeAttr(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>\r"\n\t]/g, (c) => ATTR_ESCAPES[c]!);
}

export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** ` a="1" b="2"`, skipping null and undefined values. */
export function attrs(values: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}

export function emptyTag(name: string, values: Attrs = {}): string {
  return `<${name}${attrs(values)}/>`;
}

export function startTag(name: string, values: Attrs = {}): string {
  return `<${name}${attrs(values)}>`;
}

export function textElement(name: string, values: Attrs, text: string): string {
  return `<${name}${attrs(values)}>${escapeText(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
