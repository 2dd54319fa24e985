// Inside our shadow roots only: the admin's CSS cannot reach in, and ours cannot leak out.
// Written compact (one rule a line): these strings ship verbatim in every content script.
const FONT = `system-ui,'Apple SD Gothic Neo','Noto Sans KR',sans-serif`;

export const ROW_CSS = `
:host{all:initial;display:inline-flex;gap:4px;align-items:center;height:15px;margin-left:6px;vertical-align:top;white-space:nowrap;font:11px/15px ${FONT}}
button{all:unset;cursor:pointer;background:#fee500;color:#3c1e1e;border-radius:4px;padding:0 6px;font-weight:700}
button:focus-visible{outline:2px solid #0a66c2;outline-offset:1px}
button[disabled]{cursor:not-allowed;background:#e5e5e5;color:#8a8a8a}
.badge{border-radius:4px;padding:0 5px}
[data-state=linked]{background:#e8f5e9;color:#1a7f37}
[data-state=needs-link],[data-state=unknown]{background:#fff4e0;color:#a15c00}
[data-state=unreachable]{background:#fdecea;color:#c62828}
[data-state=sent]{background:#e3f2fd;color:#0b5cad}
`;

export const BAR_CSS = `
:host{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483647;font:13px/1.2 ${FONT}}
button{all:unset;cursor:pointer;background:#fee500;color:#3c1e1e;border-radius:8px;padding:10px 14px;font-weight:700;box-shadow:0 2px 8px rgba(0,0,0,.25)}
button:focus-visible{outline:2px solid #0a66c2;outline-offset:2px}
`;
