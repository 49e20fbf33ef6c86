/*
 * Text that cannot be written out (issue 13, point 6): C0 control characters other than tab, line
 * feed and carriage return, and UTF-16 surrogates without their pair, are not characters of XML 1.0
 * (one in a description made `requests.xml` ill-formed) and mean nothing in JSON text either.
 */

/** A C0 control other than \t \n \r, or a lone surrogate. */
const BAD_TEXT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/** What XML 1.0 cannot hold: {@link BAD_TEXT}, and U+FFFE, U+FFFF. */
const NOT_XML = new RegExp(`${BAD_TEXT.source}|[\\uFFFE\\uFFFF]`, 'gu');

/** The first character of `text` no text field may hold, as `U+000B` (or null when there is none). */
export function badCharacter(text: string): string | null {
  const found = BAD_TEXT.exec(text)?.[0];
  if (found === undefined) return null;
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a text field is refused, naming the character. */
export const badTextMessage = (character: string) =>
  `contains ${character}: control characters (other than tab and line breaks) and unpaired surrogates are not allowed`;

/**
 * The path of the first string (key or value) in `value` holding a character {@link badCharacter}
 * refuses, with that character; null when there is none. Walks without recursing (like the depth check).
 */
export function findBadText(value: unknown, root = 'body'): { path: string; character: string } | null {
  const stack: [unknown, string][] = [[value, root]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, path] = item;
    if (typeof v === 'string') {
      const character = badCharacter(v);
      if (character) return { path, character };
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const character = badCharacter(k);
        if (character) return { path: `${path} (a key)`, character };
        stack.push([child, `${path}.${k}`]);
      }
    }
  }
  return null;
}

/** `text` with every character XML 1.0 cannot hold replaced by U+FFFD (for text stored before the check). */
export const xmlSafe = (text: string): string => text.replace(NOT_XML, '\uFFFD');
