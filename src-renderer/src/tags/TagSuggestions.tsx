import type { Tag } from '../api/types';

/** The tags already in use, offered while a tag is typed. */
export function TagSuggestions({ id, tags }: { id: string; tags: readonly Tag[] }) {
  return (
    <datalist id={id}>
      {tags.map((tag) => (
        <option key={tag.id} value={tag.name} />
      ))}
    </datalist>
  );
}
