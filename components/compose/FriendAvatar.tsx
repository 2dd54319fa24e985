/** A friend's (or the operator's) KakaoTalk picture, or their initial when they have none. */
export function Avatar(props: { url?: string; name: string; size?: number }) {
  const size = props.size ?? 28;
  return props.url ? (
    <img class="cp-avatar" src={props.url} width={size} height={size} alt="" referrerpolicy="no-referrer" />
  ) : (
    <span class="cp-avatar cp-initial" style={{ width: `${size}px`, height: `${size}px` }} aria-hidden="true">
      {[...props.name.trim()][0] ?? '?'}
    </span>
  );
}
