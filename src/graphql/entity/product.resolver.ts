import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import { Direction } from './entity.args';
import { Entity } from './entity.interface';
import type { EntityRow } from '../../store/entities.store';
import { Product } from './product.type';
import { relatedEntities } from './relationships';

@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'Who makes it' })
  async maker(@Root() product: EntityRow, @Ctx() context: Context): Promise<EntityRow | null> {
    return (await relatedEntities(product, context, [RelationshipType.MAKES], Direction.IN))[0] ?? null;
  }
}
