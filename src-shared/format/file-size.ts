/** A file's size as a consultant reads it: "840 kB", "12,4 MB" (Danish decimal comma). */
export function formatFileSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes < MB) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('da-DK')} kB`;
  return `${(bytes / MB).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
}
