// Inside our shadow roots only: the admin's CSS cannot reach in, and ours cannot leak out.
// Written compact (one rule a line): these strings ship verbatim in every content script.
const FONT = `system-ui,'Apple SD Gothic Neo','Noto Sans KR',sans-serif`;

/**
 * The row control's host box, as an inline style with !important: it wins over any stylesheet of the page, so
 * the page cannot stretch it over itself (a click anywhere would open compose); clicks re-check it anyway.
 * Absolutely positioned with no offsets, it sits at its static place, just after the order number on the same
 * line, but outside the cell's `overflow: hidden` (TUI cells clip, docs/reference/tui-grid-real-dom.md): never
 * cut off, and the row keeps its height. 20 px fit in a cell's right padding plus the next cell's left one.
 */
export const HOST_STYLE =
  'position:absolute;display:inline-block;width:20px;height:20px;margin:-3px 0 0 4px;inset:auto;transform:none;z-index:1'.replace(
    /;|$/g,
    '!important;',
  );

// The KakaoTalk bubble in the button; the status a coloured dot on its corner, its text for screen readers
// (and on hover, in the button's title).
export const ROW_CSS = `:host{all:initial}
button{all:unset;display:block;width:20px;height:20px;border-radius:6px;background:#fee500;cursor:pointer;box-shadow:inset 0 0 0 1px #0002}
svg{display:block;margin:3px;width:14px;fill:#3c1e1e}
button:focus-visible{outline:2px solid #0a66c2}
[disabled]{cursor:not-allowed;background:#ddd}
span{position:absolute;top:-3px;right:-3px;width:8px;height:8px;border-radius:50%;box-shadow:0 0 0 2px #fff;overflow:hidden;font-size:0;pointer-events:none}
[hidden]{display:none}
[data-state=linked]{background:#1a7f37}
[data-state=needs-link]{background:#a35200}
[data-state=unknown]{background:#8250df}
[data-state=unreachable]{background:#d1242f}
[data-state=sent]{background:#0b5cad}`;

export const BAR_CSS = `:host{all:initial;position:fixed;transform:translateY(-100%);z-index:2147483647;font:700 13px/1.2 ${FONT}}
button{all:unset;cursor:pointer;background:#fee500;color:#3c1e1e;border-radius:8px;padding:10px 14px;box-shadow:0 2px 8px #0004}
button:focus-visible{outline:2px solid #0a66c2}`;
