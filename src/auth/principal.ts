/** The roles a caller can hold; admin can do everything editor can. */
export const Role = { editor: 'editor', admin: 'admin' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = [Role.editor, Role.admin];

/** Who is calling: from an API key or a verified JWT. Never holds the secret itself. */
export interface Principal {
  /** API key: `key:<role>:<first 8 hex of sha256(secret)>`; JWT: `jwt:<iss>:<sub>`. */
  id: string;
  role: 'editor' | 'admin';
  via: 'api-key' | 'jwt';
}

/** Whether `role` may do what `required` allows (admin ⊇ editor). */
export function grants(role: Role, required: Role): boolean {
  return role === required || role === Role.admin;
}

export function isRole(value: unknown): value is Role {
  return value === Role.editor || value === Role.admin;
}
