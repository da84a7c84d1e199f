/** The URL browser mode downloads a written file from (the server checks the token and the folder). */
export function downloadUrl(path: string, token: string): string {
  return `/api/download?token=${encodeURIComponent(token)}&path=${encodeURIComponent(path)}`;
}
