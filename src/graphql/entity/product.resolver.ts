import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import { Direction } from './entity.args';
import { Entity, type EntityRow } from './entity.interface';
import { Product } from './product.type';
import { relatedEntities } from './relationships';

@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'Who makes it' })
  async maker(@Root() product: EntityRow, @Ctx() context: Context): Promise<EntityRow | null> {
    return (await relatedEntities(product, context, [RelationshipType.MAKES], Direction.IN))[0] ?? null;
  }
}
