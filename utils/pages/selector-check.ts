/**
 * Checks a CSS selector with the browser's own parser (the one the content script will use), and when it
 * fails, finds the part that breaks it: the text after the longest prefix the parser still takes.
 */
export function selectorProblem(selector: string, doc: Document = document): { failingPart: string } | null {
  const parses = (s: string) => {
    try {
      doc.createDocumentFragment().querySelector(s);
      return true;
    } catch {
      return false;
    }
  };
  const s = selector.trim();
  if (!s || parses(s)) return null;
  let valid = 0;
  for (let i = 1; i < s.length; i++) if (parses(s.slice(0, i))) valid = i;
  return { failingPart: s.slice(valid).trim() || s };
}
