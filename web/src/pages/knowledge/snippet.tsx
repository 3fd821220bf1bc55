/**
 * A search snippet with its matched words marked: the server puts them between « and » in plain
 * text; React escapes every piece, and only the marked pieces become `<mark>`.
 * @example <Snippet text="the «export» breaks" />
 */
export function Snippet({ text }: { text: string }) {
  const pieces: { text: string; marked: boolean }[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('«');
    const close = open < 0 ? -1 : rest.indexOf('»', open + 1);
    if (open < 0 || close < 0) {
      pieces.push({ text: rest, marked: false });
      break;
    }
    if (open > 0) pieces.push({ text: rest.slice(0, open), marked: false });
    pieces.push({ text: rest.slice(open + 1, close), marked: true });
    rest = rest.slice(close + 1);
  }
  return (
    <span className="snippet">
      {pieces.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
