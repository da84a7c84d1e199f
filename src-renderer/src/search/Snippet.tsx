import type { TextSegment } from '../api/types';

/** The API's snippet as text with the hits marked; never as HTML (a note may contain markup). */
export function Snippet({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <p className="search-snippet">
      {segments.map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their position.
        s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </p>
  );
}
