import { escapeHtml } from './http';
import type { Delivery, World } from './state';

// What a customer sees in KakaoTalk, roughly: one bubble per delivered message. Everything is escaped.
type Obj = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? escapeHtml(v) : '');
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});

function content(c: Obj): string {
  const image = typeof c.image_url === 'string' ? `<img class="img" src="${str(c.image_url)}" alt="">` : '';
  return `${image}<div class="title">${str(c.title)}</div><div class="desc">${str(c.description)}</div>`;
}

function buttons(t: Obj): string {
  const list = Array.isArray(t.buttons)
    ? t.buttons.map(obj)
    : [{ title: t.button_title ?? '자세히 보기', link: t.link ?? obj(t.content).link }];
  return `<div class="buttons">${list
    .map((b) => `<a class="btn" href="${str(obj(b.link).web_url ?? obj(b.link).mobile_web_url)}">${str(b.title)}</a>`)
    .join('')}</div>`;
}

function bubble(d: Delivery, world: World): string {
  const t = obj(d.templateObject);
  let body = '';
  if (d.kind === 'custom')
    body = `<div class="desc">template ${d.templateId} ${str(JSON.stringify(d.templateArgs ?? {}))}</div>`;
  else if (t.object_type === 'text') body = `<div class="text">${str(t.text)}</div>`;
  else if (t.object_type === 'feed' || t.object_type === 'location') body = content(obj(t.content));
  else if (t.object_type === 'commerce') {
    const c = obj(t.commerce);
    body = `${content(obj(t.content))}<div class="price">${Number(c.regular_price ?? 0).toLocaleString('ko-KR')}원</div>`;
  } else if (t.object_type === 'list') {
    body = `<div class="title">${str(t.header_title)}</div>${(Array.isArray(t.contents) ? t.contents : []).map((c) => content(obj(c))).join('')}`;
  }
  const sender = world.users.get(d.senderId)?.nickname ?? String(d.senderId);
  return `<li class="msg" data-testid="inbox-message" data-kind="${d.kind}"><div class="from">${escapeHtml(sender)} · ${escapeHtml(d.at)}</div><div class="bubble">${body}${d.kind === 'custom' ? '' : buttons(t)}</div></li>`;
}

const STYLE = `body{margin:0;font-family:system-ui,'Noto Sans CJK KR',sans-serif;background:#bacee0}
main{max-width:420px;margin:0 auto;padding:16px}h1{font-size:16px}ul{list-style:none;padding:0}
.msg{margin:12px 0}.from{font-size:12px;color:#333;margin-bottom:4px}.bubble{background:#fff;border-radius:4px 14px 14px 14px;padding:12px;max-width:300px;white-space:pre-wrap}
.img{width:100%;border-radius:8px}.title{font-weight:700}.desc{color:#555}.price{font-weight:700;margin-top:6px}
.buttons{display:flex;flex-direction:column;gap:6px;margin-top:10px}.btn{display:block;text-align:center;background:#f2f2f2;border-radius:6px;padding:8px;color:#222;text-decoration:none}`;

export function inboxPage(world: World, userId: number): string {
  const user = world.users.get(userId);
  const items = world.deliveries
    .filter((d) => d.receiverId === userId)
    .map((d) => bubble(d, world))
    .join('');
  return `<!doctype html><html lang="ko"><meta charset="utf-8"><title>${escapeHtml(user?.nickname ?? String(userId))} — 받은 메시지</title><style>${STYLE}</style>
<main><h1>${escapeHtml(user?.nickname ?? 'unknown user')} 님이 받은 카카오톡 메시지</h1><ul>${items || '<li>받은 메시지가 없어요.</li>'}</ul></main></html>`;
}

export function inboxIndex(world: World): string {
  const rows = [...world.users.values()]
    .map(
      (u) =>
        `<li><a href="/__emulator/inbox/${u.id}">${escapeHtml(u.nickname)}</a> (${world.deliveries.filter((d) => d.receiverId === u.id).length})</li>`,
    )
    .join('');
  return `<!doctype html><html lang="ko"><meta charset="utf-8"><title>Kakao emulator inboxes</title><style>${STYLE}</style><main><h1>받은 메시지함</h1><ul>${rows}</ul></main></html>`;
}
