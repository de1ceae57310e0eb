import type { ASTVisitor, ValidationContext } from 'graphql';
import { operationShapes } from './documentShape';
import { refusalError } from './refusals';

export interface DocumentLimits {
  /** Deepest selection nesting; the entity pages of the examples need about 8. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

/** Depth 15 bounds a request's round trips (each level can cost one batched query). */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { maxDepth: 15, maxAliases: 30, maxDirectives: 50 };

/**
 * A validation rule refusing operations too deep, with too many aliases or directives, counted
 * with every fragment expanded (so a fragment spread 1,000 times counts 1,000 times) in time
 * linear in the document (./documentShape.ts).
 */
export function documentLimits(limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    for (const [operation, shape] of operationShapes(context.getDocument())) {
      const name = operation.name ? `operation ${operation.name.value}` : 'the operation';
      if (shape.depth > limits.maxDepth) {
        context.reportError(
          refusalError(
            'DEPTH_LIMIT_EXCEEDED',
            `${name} is nested ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed`,
          ),
        );
      }
      if (shape.aliases > limits.maxAliases) {
        context.reportError(
          refusalError(
            'ALIAS_LIMIT_EXCEEDED',
            `${name} has ${shape.aliases} aliases (fragments expanded); at most ${limits.maxAliases} are allowed`,
          ),
        );
      }
      if (shape.directives > limits.maxDirectives) {
        context.reportError(
          refusalError(
            'DIRECTIVE_LIMIT_EXCEEDED',
            `${name} has ${shape.directives} directives (fragments expanded); at most ${limits.maxDirectives} are allowed`,
          ),
        );
      }
    }
    return {};
  };
}
