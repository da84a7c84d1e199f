export const ACCESS_ACTIONS = ['read', 'search', 'export', 'delete', 'anonymise', 'access_request'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
