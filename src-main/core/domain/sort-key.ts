/**
 * SQLite sorts bytes, which puts Å before Æ and Ø and capitals before lower case. Danish order is
 * … Z Æ Ø Å, case-insensitive, so names are sorted by a key computed here and stored beside them.
 */
export function danishSortKey(value: string): string {
  return value
    .trim()
    .toLocaleLowerCase('da')
    .replace(/aa/g, 'å')
    .replace(/[æä]/g, '{')
    .replace(/[øö]/g, '|')
    .replace(/å/g, '}')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
