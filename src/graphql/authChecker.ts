import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { grants, isRole } from '../auth/principal';
import type { Context } from './context';

/**
 * type-graphql's check for `@Authorized(Role.editor)`, run before the resolver, so a refused
 * mutation writes nothing. No principal: UNAUTHENTICATED (HTTP 401); a principal without the
 * role: FORBIDDEN (HTTP 403).
 */
export const authChecker: AuthChecker<Context> = ({ context, info }, roles) => {
  const field = `${info.parentType.name}.${info.fieldName}`;
  if (!context.principal) {
    throw new GraphQLError(`${info.fieldName} needs credentials: send "Authorization: Bearer <API key or JWT>"`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  const { role } = context.principal;
  if (roles.length && !roles.some((required) => isRole(required) && grants(role, required))) {
    throw new GraphQLError(`${field} needs the ${roles.join(' or ')} role; this credential has ${role}`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
  return true;
};
