import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import { Direction } from './entity.args';
import { Entity } from './entity.interface';
import type { EntityRow } from '../../store/entities.store';
import { Group } from './group.type';
import { relatedEntities } from './relationships';

@Resolver(() => Group)
export class GroupResolver {
  @FieldResolver(() => [Entity], {
    description:
      'The members the sources name (often none: the group is what they name), drawn from its first 500 stable relationships: see relationshipsTruncated',
  })
  members(@Root() group: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return relatedEntities(group, context, [RelationshipType.MEMBER_OF], Direction.IN);
  }
}
